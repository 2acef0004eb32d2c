// RequestContext: the handler's narrow view of one request.
#include "crossdock/server/request_context.h"

#include <stdexcept>

namespace crossdock::server {

const accounts::Caller& RequestContext::caller() const {
    if (caller_ == nullptr) throw std::logic_error("RequestContext::caller() on a public route");
    return *caller_;
}

const core::Json& RequestContext::json() const {
    if (json_ == nullptr) throw std::logic_error("RequestContext::json() on a route without a JSON body");
    return *json_;
}

const std::string& RequestContext::param(std::string_view name) const {
    const std::string* value = request_.param(name);
    if (value == nullptr) throw std::logic_error("no path parameter named " + std::string(name));
    return *value;
}

}  // namespace crossdock::server
