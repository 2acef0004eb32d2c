#include "crossdock/edi/maps/purchase_order.h"

#include "crossdock/core/currency.h"
#include "purchase_order_state.h"

namespace crossdock::edi::maps {
namespace {

using x12::ElementCode;
using x12::Segment;
using State = PurchaseOrderMapper::State;

void addNote(State& state, const std::string& note) {
    std::string& notes = state.order.request.notes;
    if (!notes.empty()) notes += "; ";
    notes += note;
}

// CCYYMMDD, or YYMMDD as versions before 004010 write it (20YY).
std::optional<core::Date> parseX12Date(std::string_view text) {
    if (text.size() == 6) return parseX12Date("20" + std::string(text));
    if (text.size() != 8) return std::nullopt;
    auto date = core::Date::parseCompact(text);
    if (!date) return std::nullopt;
    return *date;
}

// A date element: an error (AK4 8, or 1 when `mandatory` and empty) when invalid.
std::optional<core::Date> readDate(State& state, const Segment& segment, std::size_t position,
                                   std::size_t element, bool mandatory) {
    const std::string_view text = segment.element(element);
    if (text.empty()) {
        if (mandatory)
            state.error(state.context.at(segment, position, element, "373"), ElementCode::MandatoryMissing,
                        std::string(segment.id()) + " has no date");
        return std::nullopt;
    }
    auto date = parseX12Date(text);
    if (!date)
        state.error(state.context.at(segment, position, element, "373"), ElementCode::InvalidDate,
                    "'" + std::string(text) + "' is not a date (CCYYMMDD)");
    return date;
}

void readBeg(State& state, const Segment& segment, std::size_t position) {
    if (state.seen_beg) {
        state.segmentError(state.context.at(segment, position, 0, ""),
                           x12::SegmentCode::SegmentOverMaximumUse, "BEG appears more than once");
        return;
    }
    state.seen_beg = true;
    state.order.purpose = std::string(segment.element(1));
    state.order.po_type = std::string(segment.element(2));
    state.order.request.po_number = std::string(segment.element(3));
    if (state.order.request.po_number.empty())
        state.error(state.context.at(segment, position, 3, "324"), ElementCode::MandatoryMissing,
                    "BEG03 (purchase order number) is missing");
    state.order.po_date = readDate(state, segment, position, 5, true);
}

void readCur(State& state, const Segment& segment, std::size_t position) {
    const std::string code(segment.element(2));
    if (!core::findCurrency(code)) {
        state.error(state.context.at(segment, position, 2, "100"),
                    code.empty() ? ElementCode::MandatoryMissing : ElementCode::InvalidCodeValue,
                    "CUR02 '" + code + "' is not an ISO 4217 currency");
        return;
    }
    state.order.request.currency = code;
}

void readDtm(State& state, const Segment& segment, std::size_t position) {
    const auto date = readDate(state, segment, position, 2, segment.element(5).empty());
    if (!date) return;
    const std::string_view qualifier = segment.element(1);
    auto& requested = state.order.request.requested_date;
    // 002 delivery requested wins; requested ship (010), deliver-by (074), ship not
    // before (037) are taken when nothing better came first.
    const bool fallback = qualifier == "010" || qualifier == "074" || qualifier == "037";
    if (qualifier == "002" || (fallback && !requested)) requested = *date;
}

void readN1(State& state, const Segment& segment) {
    state.address = nullptr;
    if (state.in_line) return;  // line-level parties are not mapped
    sales::ShipTo address;
    address.name = std::string(segment.element(2));
    address.location_id = std::string(segment.element(4));
    if (segment.element(1) == "ST") {
        state.order.request.ship_to = address;
        state.address = &state.order.request.ship_to;
        return;
    }
    state.order.parties.push_back(Party{std::string(segment.element(1)), address});
    state.address = &state.order.parties.back().address;
}

void readAddress(State& state, const Segment& segment) {
    sales::ShipTo* address = state.address;
    if (address == nullptr) return;
    const std::string_view id = segment.id();
    if (id == "N2") {
        address->name += (address->name.empty() ? "" : " ") + std::string(segment.element(1));
    } else if (id == "N3") {
        address->address1 = std::string(segment.element(1));
        address->address2 = std::string(segment.element(2));
    } else {
        address->city = std::string(segment.element(1));
        address->region = std::string(segment.element(2));
        address->postal_code = std::string(segment.element(3));
        address->country = std::string(segment.element(4));
    }
}

void readCtt(State& state, const Segment& segment, std::size_t position) {
    const std::string_view count = segment.element(1);
    if (count != std::to_string(state.po1_count)) {
        auto number = core::Decimal::parse(count);
        if (number && *number == core::Decimal::fromInt(static_cast<std::int64_t>(state.po1_count))) return;
        state.error(state.context.at(segment, position, 1, "354"),
                    count.empty() ? ElementCode::MandatoryMissing : ElementCode::InvalidCodeValue,
                    "CTT01 says " + std::string(count) + " line items, the set has " +
                        std::to_string(state.po1_count));
    }
}

void readAmt(State& state, const Segment& segment, std::size_t position) {
    const std::string_view qualifier = segment.element(1);
    if (qualifier != "TT" && qualifier != "1") return;
    auto amount = core::Decimal::parse(segment.element(2));
    if (!amount) {
        state.error(state.context.at(segment, position, 2, "782"), ElementCode::InvalidCharacter,
                    "AMT02 is not a decimal amount");
        return;
    }
    state.order.amount_total = *amount;
}

void readHeaderNote(State& state, const Segment& segment) {
    const std::string_view id = segment.id();
    if (id == "REF") {
        addNote(state, "REF " + std::string(segment.element(1)) + ": " + std::string(segment.element(2)) +
                           (segment.element(3).empty() ? "" : " " + std::string(segment.element(3))));
    } else if (id == "PER") {
        std::string contact = "contact " + std::string(segment.element(2));
        for (std::size_t e = 3; e + 1 <= segment.elementCount(); e += 2) {
            if (!segment.element(e + 1).empty()) contact += " " + std::string(segment.element(e + 1));
        }
        addNote(state, contact);
    } else if (id == "SAC") {
        addNote(state, "SAC " + std::string(segment.element(1)) + " " + std::string(segment.element(2)) +
                           " " + std::string(segment.element(5)));
    }
}

}  // namespace

PurchaseOrderMapper::PurchaseOrderMapper(const PartnerMapping& mapping, PurchaseOrderOptions options)
    : state_(std::make_unique<State>(mapping, options)) {}

PurchaseOrderMapper::~PurchaseOrderMapper() = default;

void PurchaseOrderMapper::begin(const x12::InterchangeInfo& interchange, const x12::GroupInfo& group,
                                const x12::TransactionInfo& transaction) {
    auto fresh = std::make_unique<State>(state_->mapping, state_->options);
    state_ = std::move(fresh);
    state_->context.reset(interchange, group, transaction);
    state_->order.request.customer_id = state_->mapping.customer_id;
    state_->order.request.source = sales::OrderSource::X12;
}

void PurchaseOrderMapper::segment(const x12::Segment& segment, std::size_t position) {
    State& state = *state_;
    const std::string_view id = segment.id();
    if (id == "BEG") {
        readBeg(state, segment, position);
    } else if (id == "PO1") {
        state.in_line = true;
        state.address = nullptr;
        po850::readPo1(state, segment, position);
    } else if (id == "PID") {
        if (state.in_line) po850::readPid(state, segment);
    } else if (id == "CUR") {
        readCur(state, segment, position);
    } else if (id == "DTM") {
        if (!state.in_line) readDtm(state, segment, position);
    } else if (id == "N1") {
        readN1(state, segment);
    } else if (id == "N2" || id == "N3" || id == "N4") {
        readAddress(state, segment);
    } else if (id == "CTT") {
        state.in_line = false;
        readCtt(state, segment, position);
    } else if (id == "AMT") {
        if (!state.in_line) readAmt(state, segment, position);  // line-level AMT is not mapped
    } else if (!state.in_line) {
        readHeaderNote(state, segment);
    }
}

PurchaseOrderResult PurchaseOrderMapper::finish(std::size_t end_position) {
    State& state = *state_;
    if (!state.seen_beg)
        state.segmentError(state.context.missing("BEG", 2), x12::SegmentCode::MandatorySegmentMissing,
                           "the 850 has no BEG segment");
    if (state.po1_count == 0)
        state.segmentError(state.context.missing("PO1", end_position),
                           x12::SegmentCode::MandatorySegmentMissing, "the 850 has no PO1 line");
    po850::resolveLines(state);
    PurchaseOrderResult result;
    bool failed = false;
    for (const auto& issue : state.issues) failed = failed || issue.isError();
    result.issues = std::move(state.issues);
    state.issues.clear();
    if (!failed) result.order = std::move(state.order);
    return result;
}

}  // namespace crossdock::edi::maps
