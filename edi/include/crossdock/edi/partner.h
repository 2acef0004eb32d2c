#pragma once

// A trading partner's profile (CONTRACT.md "Partner JSON"): who it is, which customer it
// orders for, the formats it speaks, its envelope identifiers, its item cross-reference and
// unit map, and where its outbound documents are delivered. Standard library + core only.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crossdock/core/json.h"
#include "crossdock/core/result.h"
#include "crossdock/edi/x12/delimiters.h"

namespace crossdock::edi {

namespace maps {
struct OutboundEnvelope;
}

/// The partner's X12 interchange sender/receiver identifiers, and the syntax of what we
/// send it.
struct X12Ids {
    std::string isa_qualifier;  ///< ISA05/ISA07, 2 characters ("ZZ", "01", ...)
    std::string isa_id;         ///< ISA06/ISA08, 1..15 characters (stored trimmed)
    std::string gs_id;          ///< GS02/GS03, 2..15 characters
    /// Outbound delimiters ("element_separator", "component_separator",
    /// "repetition_separator", "segment_terminator"); '\0' = Crossdock's default
    /// (`*` `>` `^` `~`, CONTRACT.md). The repetition separator is written from 00402 on.
    char element_separator = '\0';
    char component_separator = '\0';
    char repetition_separator = '\0';
    char segment_terminator = '\0';
    /// Written after every terminator ("", "\n" or "\r\n"); nullopt = the server's
    /// edi.x12.line_suffix (none when the terminator is itself a line break).
    std::optional<std::string> segment_suffix = std::nullopt;

    bool operator==(const X12Ids&) const = default;

    /// The delimiters of an outbound interchange for this partner, defaults filled in.
    x12::Delimiters delimiters() const;
};

/// The partner's EDIFACT UNB identification.
struct EdifactIds {
    std::string unb_id;
    std::string unb_qualifier;

    bool operator==(const EdifactIds&) const = default;
};

/// One line of the item cross-reference: the partner's item number and our SKU.
struct ItemXref {
    std::string partner_item;
    std::string sku;

    bool operator==(const ItemXref&) const = default;
};

/// Where outbound documents for the partner are POSTed (plain HTTP(S); AS2 later).
struct Delivery {
    std::string url;  ///< http:// or https://

    bool operator==(const Delivery&) const = default;
};

/// A partner profile. A value type.
struct Partner {
    std::string id;           ///< 1..64 of A-Z a-z 0-9 . _ -
    std::string name;         ///< 1..200 characters
    std::string customer_id;  ///< the customer company the partner orders for
    /// "x12-004010", "x12-005010", "edifact-d96a", "cxml", "ubl-2.1" (at least one).
    std::vector<std::string> formats;
    std::optional<X12Ids> x12;
    std::optional<EdifactIds> edifact;
    std::vector<ItemXref> item_xref;
    /// partner unit → our unit, in the order given.
    std::vector<std::pair<std::string, std::string>> uom_map;
    std::optional<Delivery> delivery;

    bool operator==(const Partner&) const = default;

    /// True when `format` is one of `formats`.
    bool speaks(std::string_view format) const;
    /// Our SKU for the partner's item number, or nullopt.
    std::optional<std::string> skuFor(std::string_view partner_item) const;
    /// Our unit for the partner's unit: the mapped one, or `partner_uom` itself.
    std::string uomFor(std::string_view partner_uom) const;
};

/// The formats a partner profile may list.
bool isKnownFormat(std::string_view format);

/// Reads a partner from its JSON (CONTRACT.md, plus optional "delivery":{"url"}).
/// InvalidArgument with `where` as a JSONPath ("$.x12.isa_id") for a missing or malformed
/// field, an unknown format, an X12 format without "x12" identifiers, a repeated partner
/// item, or a delivery URL that is not http(s)://. Outbound delimiters in "x12" are one
/// ASCII character each, not a letter, digit, space or NUL, CR or LF only as the
/// terminator, all four (defaults included) different; a repetition separator needs
/// x12-005010 among the formats; "segment_suffix" is "", "\n" or "\r\n" (and "" when
/// the terminator is a line break).
core::Result<Partner> partnerFromJson(const core::Json& body);

/// The partner as JSON, members in CONTRACT.md order; optional parts omitted when absent.
void writePartner(core::JsonWriter& out, const Partner& partner);

/// Gives `envelope` the partner's outbound delimiters and segment suffix (the server's
/// line suffix stays when the partner names none, except after a line-break terminator).
/// Every outbound X12 document for the partner (TA1, 997/999, 855, 856, 810) is
/// written through an envelope so prepared.
void applyPartnerSyntax(maps::OutboundEnvelope& envelope, const X12Ids& partner);

/// writePartner() into a string.
std::string partnerToJson(const Partner& partner);

}  // namespace crossdock::edi
