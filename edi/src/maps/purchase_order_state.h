#pragma once

// The state of PurchaseOrderMapper while it walks one 850 (private).

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crossdock/edi/maps/purchase_order.h"
#include "map_issues.h"

namespace crossdock::edi::maps {

/// A product id of a PO1 (qualifier/id pair) and where it was.
struct ProductId {
    std::string qualifier;
    std::string id;
};

/// What finish() needs of a PO1 to choose its SKU.
struct PendingLine {
    std::vector<ProductId> ids;
    x12::Location first_id;  ///< PO107's location (or PO106's when the pair is broken)
    x12::Location unit;      ///< PO103's location
};

struct PurchaseOrderMapper::State {
    const PartnerMapping& mapping;
    PurchaseOrderOptions options;
    detail::IssueContext context;
    PurchaseOrder order;
    std::vector<PendingLine> pending;
    std::vector<x12::Issue> issues;
    bool seen_beg = false;
    std::size_t po1_count = 0;
    /// Where N2/N3/N4 go: the ship-to, or parties.back(), or nowhere (nullptr).
    sales::ShipTo* address = nullptr;
    bool in_line = false;  ///< after a PO1: PID belongs to the last line

    State(const PartnerMapping& m, PurchaseOrderOptions o) : mapping(m), options(o) {}

    void error(x12::Location location, x12::ElementCode code, std::string message) {
        issues.push_back(detail::elementError(std::move(location), code, std::move(message)));
    }
    void segmentError(x12::Location location, x12::SegmentCode code, std::string message) {
        issues.push_back(detail::segmentError(std::move(location), code, std::move(message)));
    }
};

namespace po850 {

/// PO1: one requested line (quantity, unit, price, product ids).
void readPo1(PurchaseOrderMapper::State& state, const x12::Segment& segment, std::size_t position);
/// PID: the first free-form description of the current line.
void readPid(PurchaseOrderMapper::State& state, const x12::Segment& segment);
/// Chooses each line's SKU / customer part number (item_xref, lookup) after the set.
void resolveLines(PurchaseOrderMapper::State& state);
/// GTIN-14 of a UPC-12 / EAN-13 / GTIN-14 (check digit validated); nullopt if invalid.
std::optional<std::string> toGtin14(const std::string& code);

}  // namespace po850
}  // namespace crossdock::edi::maps
