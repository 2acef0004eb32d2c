#include "crossdock/edi/partner.h"

#include "crossdock/edi/maps/profile.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace crossdock::edi {
namespace {

using core::ErrorCode;
using core::Json;
using core::makeError;

constexpr std::array<std::string_view, 5> kFormats{"x12-004010", "x12-005010", "edifact-d96a", "cxml",
                                                   "ubl-2.1"};

core::Error invalid(std::string message, std::string where) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::move(where));
}

bool isValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '-';
    });
}

// A string member of `object` at `path`; `max` bounds its length (0: any).
core::Result<std::string> stringAt(const Json& object, std::string_view key, const std::string& path,
                                   std::size_t min, std::size_t max) {
    const Json* value = object.find(key);
    const std::string where = path + "." + std::string(key);
    if (value == nullptr || value->isNull())
        return invalid("missing required field \"" + std::string(key) + "\"", where);
    if (!value->isString()) return invalid("field \"" + std::string(key) + "\" must be a string", where);
    const std::string& text = value->asString();
    if (text.size() < min || (max != 0 && text.size() > max)) {
        return invalid("field \"" + std::string(key) + "\" must be " + std::to_string(min) + ".." +
                           std::to_string(max) + " characters",
                       where);
    }
    return text;
}

core::Result<std::vector<std::string>> readFormats(const Json& body) {
    const Json* formats = body.find("formats");
    if (formats == nullptr || !formats->isArray() || formats->size() == 0) {
        return invalid("\"formats\" must be a non-empty array of strings", "$.formats");
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < formats->size(); ++i) {
        const Json& item = formats->items()[i];
        const std::string where = "$.formats[" + std::to_string(i) + "]";
        if (!item.isString() || !isKnownFormat(item.asString())) {
            return invalid("unknown format; use x12-004010, x12-005010, edifact-d96a, cxml or ubl-2.1",
                           where);
        }
        if (std::find(out.begin(), out.end(), item.asString()) == out.end()) out.push_back(item.asString());
    }
    return out;
}

// One outbound delimiter: absent or null leaves '\0' (the default).
core::Result<char> readDelimiter(const Json& x12, std::string_view key) {
    const Json* value = x12.find(key);
    if (value == nullptr || value->isNull()) return '\0';
    const std::string where = "$.x12." + std::string(key);
    if (!value->isString() || value->asString().size() != 1) {
        return invalid("field \"" + std::string(key) + "\" must be one ASCII character", where);
    }
    const char c = value->asString()[0];
    const auto byte = static_cast<unsigned char>(c);
    const bool line_break = c == '\r' || c == '\n';
    if (byte == 0 || byte > 0x7F || std::isalnum(byte) != 0 || c == ' ' ||
        (line_break && key != "segment_terminator")) {
        return invalid("field \"" + std::string(key) +
                           "\" must not be a letter, digit, space or NUL (CR or LF only as the terminator)",
                       where);
    }
    return c;
}

// The outbound delimiters and segment suffix of "x12" (see partnerFromJson()). The
// repetition separator takes part only when the partner `repeats` (00402 or later).
core::Status readX12Syntax(const Json& x12, bool repeats, X12Ids& ids) {
    const std::array<std::pair<std::string_view, char*>, 4> fields{
        {{"element_separator", &ids.element_separator},
         {"component_separator", &ids.component_separator},
         {"repetition_separator", &ids.repetition_separator},
         {"segment_terminator", &ids.segment_terminator}}};
    for (const auto& [key, target] : fields) {
        auto c = readDelimiter(x12, key);
        if (!c) return c.takeError();
        *target = *c;
    }
    if (ids.repetition_separator != '\0' && !repeats) {
        return invalid("a repetition separator needs version 00402 or later (format x12-005010)",
                       "$.x12.repetition_separator");
    }
    const x12::Delimiters d = ids.delimiters();
    const std::array<char, 4> effective{d.element, d.component, d.repetition, d.segment};
    for (std::size_t i = 1; i < effective.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (effective[i] != effective[j] || (!repeats && (i == 2 || j == 2))) continue;
            const std::string_view key = *fields[i].second != '\0' ? fields[i].first : fields[j].first;
            return invalid(
                "the four X12 delimiters must differ: \"" + std::string(key) + "\" repeats another one",
                "$.x12." + std::string(key));
        }
    }
    const Json* suffix = x12.find("segment_suffix");
    if (suffix == nullptr || suffix->isNull()) return {};
    const bool known = suffix->isString() && (suffix->asString().empty() || suffix->asString() == "\n" ||
                                              suffix->asString() == "\r\n");
    if (!known)
        return invalid("\"segment_suffix\" must be \"\", \"\\n\" or \"\\r\\n\"", "$.x12.segment_suffix");
    if (!suffix->asString().empty() && (d.segment == '\n' || d.segment == '\r')) {
        return invalid("\"segment_suffix\" must be empty when the terminator is a line break",
                       "$.x12.segment_suffix");
    }
    ids.segment_suffix = suffix->asString();
    return {};
}

core::Result<std::optional<X12Ids>> readX12(const Json& body, bool repeats) {
    const Json* x12 = body.find("x12");
    if (x12 == nullptr || x12->isNull()) return std::optional<X12Ids>{};
    if (!x12->isObject()) return invalid("\"x12\" must be an object", "$.x12");
    auto qualifier = stringAt(*x12, "isa_qualifier", "$.x12", 2, 2);
    if (!qualifier) return qualifier.takeError();
    auto isa_id = stringAt(*x12, "isa_id", "$.x12", 1, 15);
    if (!isa_id) return isa_id.takeError();
    auto gs_id = stringAt(*x12, "gs_id", "$.x12", 2, 15);
    if (!gs_id) return gs_id.takeError();
    std::string trimmed = *isa_id;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    if (trimmed.empty()) return invalid("field \"isa_id\" must not be blank", "$.x12.isa_id");
    X12Ids ids;
    ids.isa_qualifier = *qualifier;
    ids.isa_id = trimmed;
    ids.gs_id = *gs_id;
    if (auto syntax = readX12Syntax(*x12, repeats, ids); !syntax) return syntax.takeError();
    return std::optional<X12Ids>{std::move(ids)};
}

core::Result<std::optional<EdifactIds>> readEdifact(const Json& body) {
    const Json* edifact = body.find("edifact");
    if (edifact == nullptr || edifact->isNull()) return std::optional<EdifactIds>{};
    if (!edifact->isObject()) return invalid("\"edifact\" must be an object", "$.edifact");
    auto unb_id = stringAt(*edifact, "unb_id", "$.edifact", 1, 35);
    if (!unb_id) return unb_id.takeError();
    auto qualifier = stringAt(*edifact, "unb_qualifier", "$.edifact", 0, 4);
    if (!qualifier) return qualifier.takeError();
    return std::optional<EdifactIds>{EdifactIds{*unb_id, *qualifier}};
}

core::Result<std::vector<ItemXref>> readXref(const Json& body) {
    std::vector<ItemXref> out;
    const Json* xref = body.find("item_xref");
    if (xref == nullptr || xref->isNull()) return out;
    if (!xref->isArray()) return invalid("\"item_xref\" must be an array", "$.item_xref");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < xref->size(); ++i) {
        const Json& item = xref->items()[i];
        const std::string path = "$.item_xref[" + std::to_string(i) + "]";
        if (!item.isObject()) return invalid("must be an object {\"partner_item\",\"sku\"}", path);
        auto partner_item = stringAt(item, "partner_item", path, 1, 80);
        if (!partner_item) return partner_item.takeError();
        auto sku = stringAt(item, "sku", path, 1, 80);
        if (!sku) return sku.takeError();
        if (!seen.insert(*partner_item).second) {
            return invalid("partner item \"" + *partner_item + "\" is listed twice", path + ".partner_item");
        }
        out.push_back(ItemXref{*partner_item, *sku});
    }
    return out;
}

core::Result<std::vector<std::pair<std::string, std::string>>> readUomMap(const Json& body) {
    std::vector<std::pair<std::string, std::string>> out;
    const Json* map = body.find("uom_map");
    if (map == nullptr || map->isNull()) return out;
    if (!map->isObject()) return invalid("\"uom_map\" must be an object", "$.uom_map");
    for (const auto& member : map->members()) {
        if (!member.value.isString() || member.value.asString().empty() || member.key.empty()) {
            return invalid("each unit must map to a unit code string", "$.uom_map." + member.key);
        }
        out.emplace_back(member.key, member.value.asString());
    }
    return out;
}

core::Result<std::optional<Delivery>> readDelivery(const Json& body) {
    const Json* delivery = body.find("delivery");
    if (delivery == nullptr || delivery->isNull()) return std::optional<Delivery>{};
    if (!delivery->isObject()) return invalid("\"delivery\" must be an object {\"url\"}", "$.delivery");
    auto url = stringAt(*delivery, "url", "$.delivery", 8, 2000);
    if (!url) return url.takeError();
    if (url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0) {
        return invalid("the delivery URL must start with http:// or https://", "$.delivery.url");
    }
    return std::optional<Delivery>{Delivery{*url}};
}

void writeX12Syntax(core::JsonWriter& out, const X12Ids& ids) {
    const std::array<std::pair<std::string_view, char>, 4> fields{
        {{"element_separator", ids.element_separator},
         {"component_separator", ids.component_separator},
         {"repetition_separator", ids.repetition_separator},
         {"segment_terminator", ids.segment_terminator}}};
    for (const auto& [key, c] : fields) {
        if (c != '\0') out.field(key, std::string(1, c));
    }
    if (ids.segment_suffix) out.field("segment_suffix", *ids.segment_suffix);
}

}  // namespace

bool isKnownFormat(std::string_view format) {
    return std::find(kFormats.begin(), kFormats.end(), format) != kFormats.end();
}

x12::Delimiters X12Ids::delimiters() const {
    x12::Delimiters d;  // Crossdock's defaults
    if (element_separator != '\0') d.element = element_separator;
    if (component_separator != '\0') d.component = component_separator;
    if (repetition_separator != '\0') d.repetition = repetition_separator;
    if (segment_terminator != '\0') d.segment = segment_terminator;
    return d;
}

bool Partner::speaks(std::string_view format) const {
    return std::find(formats.begin(), formats.end(), format) != formats.end();
}

std::optional<std::string> Partner::skuFor(std::string_view partner_item) const {
    for (const auto& x : item_xref) {
        if (x.partner_item == partner_item) return x.sku;
    }
    return std::nullopt;
}

std::string Partner::uomFor(std::string_view partner_uom) const {
    for (const auto& [theirs, ours] : uom_map) {
        if (theirs == partner_uom) return ours;
    }
    return std::string(partner_uom);
}

core::Result<Partner> partnerFromJson(const Json& body) {
    if (!body.isObject()) return invalid("request body must be a JSON object", "$");
    Partner partner;
    auto id = stringAt(body, "id", "$", 1, 64);
    if (!id) return id.takeError();
    if (!isValidId(*id)) return invalid("id must be 1..64 characters from A-Z a-z 0-9 . _ -", "$.id");
    partner.id = *id;
    auto name = stringAt(body, "name", "$", 1, 200);
    if (!name) return name.takeError();
    partner.name = *name;
    auto customer = stringAt(body, "customer_id", "$", 1, 64);
    if (!customer) return customer.takeError();
    partner.customer_id = *customer;
    auto formats = readFormats(body);
    if (!formats) return formats.takeError();
    partner.formats = std::move(*formats);
    auto x12 = readX12(body, partner.speaks("x12-005010"));
    if (!x12) return x12.takeError();
    partner.x12 = *x12;
    if (!partner.x12 && (partner.speaks("x12-004010") || partner.speaks("x12-005010"))) {
        return invalid("an X12 partner needs \"x12\" identifiers", "$.x12");
    }
    auto edifact = readEdifact(body);
    if (!edifact) return edifact.takeError();
    partner.edifact = *edifact;
    auto xref = readXref(body);
    if (!xref) return xref.takeError();
    partner.item_xref = std::move(*xref);
    auto uoms = readUomMap(body);
    if (!uoms) return uoms.takeError();
    partner.uom_map = std::move(*uoms);
    auto delivery = readDelivery(body);
    if (!delivery) return delivery.takeError();
    partner.delivery = *delivery;
    return partner;
}

void writePartner(core::JsonWriter& out, const Partner& partner) {
    out.beginObject().field("id", partner.id).field("name", partner.name);
    out.field("customer_id", partner.customer_id);
    out.key("formats").beginArray();
    for (const auto& format : partner.formats) out.string(format);
    out.endArray();
    if (partner.x12) {
        out.key("x12").beginObject().field("isa_qualifier", partner.x12->isa_qualifier);
        out.field("isa_id", partner.x12->isa_id).field("gs_id", partner.x12->gs_id);
        writeX12Syntax(out, *partner.x12);
        out.endObject();
    }
    if (partner.edifact) {
        out.key("edifact").beginObject().field("unb_id", partner.edifact->unb_id);
        out.field("unb_qualifier", partner.edifact->unb_qualifier).endObject();
    }
    out.key("item_xref").beginArray();
    for (const auto& x : partner.item_xref) {
        out.beginObject().field("partner_item", x.partner_item).field("sku", x.sku).endObject();
    }
    out.endArray();
    out.key("uom_map").beginObject();
    for (const auto& [theirs, ours] : partner.uom_map) out.field(theirs, ours);
    out.endObject();
    if (partner.delivery) out.key("delivery").beginObject().field("url", partner.delivery->url).endObject();
    out.endObject();
}

void applyPartnerSyntax(maps::OutboundEnvelope& envelope, const X12Ids& partner) {
    envelope.delimiters = partner.delimiters();
    if (partner.segment_suffix) {
        envelope.line_suffix = *partner.segment_suffix;
    } else if (envelope.delimiters.segment == '\n' || envelope.delimiters.segment == '\r') {
        envelope.line_suffix.clear();  // a line break after a line break would be a blank segment
    }
}

std::string partnerToJson(const Partner& partner) {
    core::JsonWriter out(256);
    writePartner(out, partner);
    return out.take();
}

}  // namespace crossdock::edi
