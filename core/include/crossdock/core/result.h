#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "crossdock/core/error.h"

namespace crossdock::core {

/// A value or an Error, for failures the caller is expected to handle
/// (see STYLE.md "Errors"). Accessing the wrong alternative is a programmer error.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(state_);
    }
    Error&& takeError() {
        assert(!ok());
        return std::get<1>(std::move(state_));
    }

    /// The value, or `fallback` when this holds an error.
    T valueOr(T fallback) const { return ok() ? std::get<0>(state_) : std::move(fallback); }

private:
    std::variant<T, Error> state_;
};

/// Result of an operation that produces nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const {
        assert(!ok_);
        return error_;
    }
    Error&& takeError() {
        assert(!ok_);
        return std::move(error_);
    }

private:
    Error error_;
    bool ok_ = true;
};

using Status = Result<void>;

}  // namespace crossdock::core
