#pragma once
// How Boost.Test prints values of our types in failure messages.

#include <ostream>

#include "crossdock/core/error.h"
#include "crossdock/core/json.h"
#include "crossdock/server/router.h"

namespace crossdock::core {

inline std::ostream& boost_test_print_type(std::ostream& out, ErrorCode code) {
    return out << toString(code);
}
inline std::ostream& boost_test_print_type(std::ostream& out, const Json& value) {
    return out << toJsonString(value);
}

}  // namespace crossdock::core

namespace crossdock::server {

inline std::ostream& boost_test_print_type(std::ostream& out, RouteMatch::Kind kind) {
    switch (kind) {
        case RouteMatch::Kind::Found:
            return out << "Found";
        case RouteMatch::Kind::MethodNotAllowed:
            return out << "MethodNotAllowed";
        case RouteMatch::Kind::NotFound:
            return out << "NotFound";
    }
    return out;
}

}  // namespace crossdock::server
