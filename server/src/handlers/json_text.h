#pragma once
// JsonText: JSON written straight into one std::string by the hot answers
// (POST /api/v1/prices/resolve), with the punctuation and member names given as
// literal text. The bytes are those core::JsonWriter would write for the same calls
// (compact, same escaping, same decimal text); tests/server_perf checks it.

#include <cstddef>
#include <string>
#include <string_view>

#include "crossdock/core/decimal.h"

namespace crossdock::server {

class JsonText {
public:
    /// Starts with `capacity` bytes reserved.
    explicit JsonText(std::size_t capacity) { out_.reserve(capacity); }

    /// Appends `text` unchecked: punctuation and member names such as `,"sku":`.
    /// Pass only text that keeps the document valid JSON.
    JsonText& raw(std::string_view text) {
        out_.append(text);
        return *this;
    }
    /// A quoted string, escaped exactly as core::appendJsonString does.
    JsonText& string(std::string_view text);
    /// A quoted money amount with 4 fraction digits: Decimal::toString() ("12.3400").
    JsonText& money(core::Decimal value);
    /// A quoted decimal in its shortest exact form: Decimal::toShortString() ("12", "0.5").
    JsonText& shortDecimal(core::Decimal value);
    /// true / false.
    JsonText& boolean(bool value) { return raw(value ? "true" : "false"); }
    /// An unquoted integer.
    JsonText& integer(long long value);

    /// The text written so far.
    const std::string& str() const { return out_; }
    /// Moves the text out and leaves the writer empty.
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

}  // namespace crossdock::server
