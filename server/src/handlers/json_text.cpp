// JsonText: see json_text.h. Strings and decimals go through core's own appenders
// (core::appendJsonString, Decimal::appendTo), so the bytes are JsonWriter's.
#include "handlers/json_text.h"

#include <charconv>

#include "crossdock/core/json.h"

namespace crossdock::server {

JsonText& JsonText::string(std::string_view text) {
    core::appendJsonString(out_, text);
    return *this;
}

JsonText& JsonText::money(core::Decimal value) {
    out_ += '"';
    value.appendTo(out_);
    out_ += '"';
    return *this;
}

JsonText& JsonText::shortDecimal(core::Decimal value) {
    out_ += '"';
    value.appendShortTo(out_);
    out_ += '"';
    return *this;
}

JsonText& JsonText::integer(long long value) {
    char buffer[24];
    const char* end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
    return *this;
}

}  // namespace crossdock::server
