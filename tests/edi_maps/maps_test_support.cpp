#include "maps_test_support.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/interchange_parser.h"

namespace fs = std::filesystem;
using crossdock::core::Decimal;
using crossdock::core::Json;

namespace crossdock::edi::maps::testing {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

fs::path testData() { return fs::path(CROSSDOCK_X12_TEST_DATA); }
fs::path corpusDir() { return fs::path(CROSSDOCK_CORPUS_DIR); }
bool updateGolden() { return std::getenv("CROSSDOCK_UPDATE_GOLDEN") != nullptr; }

std::vector<fs::path> filesIn(const fs::path& folder, const std::string& ext) {
    std::vector<fs::path> found;
    if (!fs::exists(folder)) return found;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ext) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

void checkGolden(const fs::path& expected, const std::string& actual) {
    if (updateGolden()) {
        writeFile(expected, actual);
        return;
    }
    BOOST_TEST_REQUIRE(fs::exists(expected),
                       "missing golden file " << expected << " (CROSSDOCK_UPDATE_GOLDEN=1 writes it)");
    const std::string wanted = readFile(expected);
    BOOST_TEST(actual == wanted, "differs from " << expected << ":\n" << actual);
}

namespace {

const std::string& text(const Json& json, std::string_view key) {
    static const std::string kEmpty;
    const Json* value = json.find(key);
    return value != nullptr && value->isString() ? value->asString() : kEmpty;
}

Decimal decimal(const Json& json, std::string_view key) {
    const Json* value = json.find(key);
    return value == nullptr ? Decimal() : value->asDecimal().value();
}

std::int64_t integer(const Json& json, std::string_view key) {
    const Json* value = json.find(key);
    return value == nullptr ? 0 : value->asInt64().value();
}

core::Date date(const Json& json, std::string_view key) { return core::Date::parse(text(json, key)).value(); }

core::TimePoint noonOf(const core::Date& day) {
    return core::TimePoint(std::chrono::hours(24) * day.daysSinceEpoch() + std::chrono::hours(12));
}

sales::ShipTo shipTo(const Json& json) {
    sales::ShipTo to;
    to.name = text(json, "name");
    to.location_id = text(json, "location_id");
    to.address1 = text(json, "address1");
    to.address2 = text(json, "address2");
    to.city = text(json, "city");
    to.region = text(json, "region");
    to.postal_code = text(json, "postal_code");
    to.country = text(json, "country");
    return to;
}

Json shipToJson(const sales::ShipTo& to) {
    Json out = Json::object();
    out.set("name", to.name);
    out.set("location_id", to.location_id);
    out.set("address1", to.address1);
    out.set("address2", to.address2);
    out.set("city", to.city);
    out.set("region", to.region);
    out.set("postal_code", to.postal_code);
    out.set("country", to.country);
    return out;
}

Json optionalDecimal(const std::optional<Decimal>& value) {
    return value ? Json(value->toShortString()) : Json(nullptr);
}

}  // namespace

PartnerMapping loadPartner(const fs::path& path) {
    const Json json = core::parseJson(readFile(path)).value();
    PartnerMapping mapping;
    mapping.customer_id = text(json, "customer_id");
    for (const Json& entry : json.find("item_xref")->items())
        mapping.item_xref[text(entry, "partner_item")] = text(entry, "sku");
    for (const auto& member : json.find("uom_map")->members())
        mapping.uom_map[member.key] = member.value.asString();
    return mapping;
}

OutboundEnvelope testEnvelope(const std::string& version) {
    OutboundEnvelope envelope;
    envelope.version = version;
    envelope.line_suffix = "\n";
    envelope.receiver_qualifier = "ZZ";
    envelope.receiver_id = "ACMEBUYER";
    envelope.receiver_gs = "ACMEBUYER";
    envelope.date = "20240201";
    envelope.time = "0930";
    envelope.interchange_control = 501;
    envelope.group_control = 601;
    envelope.transaction_control = 1;
    return envelope;
}

Json issueJson(const x12::Issue& issue) {
    Json out = Json::object();
    out.set("severity", std::string(x12::toString(issue.severity)));
    out.set("scope", std::string(x12::toString(issue.scope())));
    out.set("code", std::string(issue.codeText()));
    out.set("segment_id", issue.location.segment_id);
    out.set("position", static_cast<std::int64_t>(issue.location.transaction_segment));
    out.set("element", static_cast<std::int64_t>(issue.location.element));
    out.set("reference", issue.location.element_reference);
    out.set("bad_value", issue.location.bad_value);
    out.set("message", issue.message);
    return out;
}

Json purchaseOrderJson(const PurchaseOrder& order) {
    const auto& request = order.request;
    Json out = Json::object();
    out.set("customer_id", request.customer_id);
    out.set("source", std::string(sales::toString(request.source)));
    out.set("po_number", request.po_number);
    out.set("po_date", order.po_date ? Json(order.po_date->toString()) : Json(nullptr));
    out.set("purpose", order.purpose);
    out.set("po_type", order.po_type);
    out.set("currency", request.currency ? Json(*request.currency) : Json(nullptr));
    out.set("requested_date",
            request.requested_date ? Json(request.requested_date->toString()) : Json(nullptr));
    out.set("notes", request.notes);
    out.set("ship_to", shipToJson(request.ship_to));
    Json parties = Json::array();
    for (const auto& party : order.parties) {
        Json p = shipToJson(party.address);
        p.set("role", party.role);
        parties.push(std::move(p));
    }
    out.set("parties", std::move(parties));
    Json lines = Json::array();
    for (std::size_t i = 0; i < request.lines.size(); ++i) {
        const auto& line = request.lines[i];
        const auto& detail = order.line_details[i];
        Json l = Json::object();
        l.set("line_ref", line.line_ref);
        l.set("sku", line.sku);
        l.set("customer_part_number", line.customer_part_number);
        l.set("quantity", line.quantity.toShortString());
        l.set("uom", line.uom);
        l.set("incoming_price", optionalDecimal(line.incoming_price));
        l.set("partner_uom", detail.partner_uom);
        l.set("vendor_part", detail.vendor_part);
        l.set("buyer_part", detail.buyer_part);
        l.set("gtin", detail.gtin);
        l.set("description", detail.description);
        l.set("matched_by", detail.matched_by);
        lines.push(std::move(l));
    }
    out.set("lines", std::move(lines));
    out.set("amount_total", optionalDecimal(order.amount_total));
    return out;
}

Json inboundJson(const InboundDocument& document) {
    Json sets = Json::array();
    for (const auto& interchange : document.interchanges) {
        for (const auto& group : interchange.groups) {
            for (const auto& transaction : group.transactions) {
                Json t = Json::object();
                t.set("set", transaction.info.set_id + " " + transaction.info.control_number);
                t.set("accepted", transaction.accepted());
                Json issues = Json::array();
                for (const auto& issue : transaction.issues) issues.push(issueJson(issue));
                t.set("issues", std::move(issues));
                t.set("purchase_order", transaction.purchase_order
                                            ? purchaseOrderJson(*transaction.purchase_order)
                                            : Json(nullptr));
                sets.push(std::move(t));
            }
        }
    }
    Json out = Json::object();
    out.set("transactions", std::move(sets));
    out.set("errors", static_cast<std::int64_t>(document.summary.errors));
    return out;
}

sales::Order orderFromJson(const Json& json) {
    sales::Order order;
    order.id = integer(json, "id");
    order.number = text(json, "number");
    order.customer_id = text(json, "customer_id");
    order.po_number = text(json, "po_number");
    order.source = sales::OrderSource::X12;
    order.status = sales::parseOrderStatus(text(json, "status")).value_or(sales::OrderStatus::Acknowledged);
    order.currency = text(json, "currency");
    if (const Json* to = json.find("ship_to")) order.ship_to = shipTo(*to);
    order.created_at = noonOf(date(json, "created"));
    int line_no = 0;
    for (const Json& entry : json.find("lines")->items()) {
        sales::OrderLine line;
        line.line_no = ++line_no;
        line.line_ref = text(entry, "line_ref");
        line.sku = text(entry, "sku");
        line.customer_part_number = text(entry, "customer_part_number");
        line.quantity = decimal(entry, "quantity");
        line.uom = text(entry, "uom");
        line.unit_price = decimal(entry, "unit_price");
        if (entry.contains("incoming_price")) line.incoming_price = decimal(entry, "incoming_price");
        line.status = sales::parseLineStatus(text(entry, "status")).value_or(sales::LineStatus::Accepted);
        line.backordered_quantity = decimal(entry, "backordered_quantity");
        order.lines.push_back(std::move(line));
    }
    return order;
}

sales::Shipment shipmentFromJson(const Json& json) {
    sales::Shipment shipment;
    shipment.id = integer(json, "id");
    shipment.number = text(json, "number");
    shipment.carrier = text(json, "carrier");
    shipment.tracking_number = text(json, "tracking_number");
    shipment.ship_date = date(json, "ship_date");
    for (const Json& entry : json.find("packages")->items()) {
        sales::Package package;
        package.sscc = text(entry, "sscc");
        if (entry.contains("weight_kg")) package.weight_kg = decimal(entry, "weight_kg");
        shipment.packages.push_back(package);
    }
    for (const Json& entry : json.find("lines")->items()) {
        sales::ShipmentLine line;
        line.order_line_no = static_cast<int>(integer(entry, "order_line_no"));
        line.quantity = decimal(entry, "quantity");
        shipment.lines.push_back(line);
    }
    return shipment;
}

sales::Invoice invoiceFromJson(const Json& json) {
    sales::Invoice invoice;
    invoice.id = integer(json, "id");
    invoice.number = text(json, "number");
    invoice.order_number = text(json, "order_number");
    invoice.po_number = text(json, "po_number");
    invoice.currency = text(json, "currency");
    invoice.issue_date = date(json, "issue_date");
    for (const Json& entry : json.find("lines")->items()) {
        sales::InvoiceLine line;
        line.order_line_no = static_cast<int>(integer(entry, "order_line_no"));
        line.sku = text(entry, "sku");
        line.quantity = decimal(entry, "quantity");
        line.uom = text(entry, "uom");
        line.unit_price = decimal(entry, "unit_price");
        line.tax_rate_percent = decimal(entry, "tax_rate_percent");
        invoice.lines.push_back(line);
    }
    if (!sales::computeInvoiceAmounts(invoice).ok()) throw std::runtime_error("bad invoice case");
    return invoice;
}

namespace {

class Recorder : public x12::EnvelopeHandler {
public:
    std::vector<std::string> problems;
    std::vector<std::vector<std::string>> segments;
    int sets = 0;

    void onTransactionStart(const x12::TransactionInfo&, const x12::Segment& st) override {
        if (++sets == 1) record(st);
    }
    void onSegment(const x12::Segment& segment, std::size_t) override {
        if (sets == 1) record(segment);
    }
    void onTransactionEnd(const x12::TransactionInfo&, const x12::Segment* se,
                          const x12::TransactionResult&) override {
        if (sets == 1 && se != nullptr) record(*se);
    }
    void onIssue(const x12::Issue& issue) override { problems.push_back(issue.describe()); }

private:
    void record(const x12::Segment& segment) {
        std::vector<std::string> elements{std::string(segment.id())};
        for (std::size_t e = 1; e <= segment.elementCount(); ++e) {
            std::string value;
            for (std::string_view piece : segment.components(e))
                value += (value.empty() ? "" : ":") + std::string(piece);
            elements.push_back(value);
        }
        segments.push_back(std::move(elements));
    }
};

}  // namespace

std::vector<std::string> syntaxProblems(const std::string& bytes) {
    Recorder recorder;
    x12::InterchangeParser parser(recorder);
    (void)parser.parse(bytes);
    return recorder.problems;
}

std::string firstProblem(const std::string& bytes) {
    const auto problems = syntaxProblems(bytes);
    return problems.empty() ? std::string() : problems.front();
}

std::vector<std::vector<std::string>> segmentsOf(const std::string& bytes) {
    Recorder recorder;
    x12::InterchangeParser parser(recorder);
    (void)parser.parse(bytes);
    return recorder.segments;
}

}  // namespace crossdock::edi::maps::testing
