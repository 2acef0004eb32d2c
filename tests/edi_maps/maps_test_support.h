#pragma once

// Helpers of edi_maps_tests: files, golden comparison, JSON views of the map results
// and JSON → sales objects for the outbound cases.

#include <filesystem>
#include <string>
#include <vector>

#include "crossdock/core/json.h"
#include "crossdock/edi/maps/acknowledgement.h"
#include "crossdock/edi/maps/inbound.h"
#include "crossdock/edi/maps/outbound.h"
#include "crossdock/edi/maps/profile.h"
#include "crossdock/sales/invoice.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/shipment.h"

namespace crossdock::edi::maps::testing {

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);
std::filesystem::path testData();
/// ../shared/corpus (may not exist).
std::filesystem::path corpusDir();
/// True when CROSSDOCK_UPDATE_GOLDEN is set: golden files are rewritten.
bool updateGolden();
/// The files of `folder` with extension `ext`, sorted.
std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder, const std::string& ext);
/// Compares `actual` with the file at `expected` (or writes it when updating);
/// BOOST_TEST failures name the file.
void checkGolden(const std::filesystem::path& expected, const std::string& actual);

/// tests/data/x12/850/partner.json as a PartnerMapping.
PartnerMapping loadPartner(const std::filesystem::path& path);
/// The envelope every outbound case uses (fixed date, time and control numbers).
OutboundEnvelope testEnvelope(const std::string& version = "004010");

/// The whole inbound read as JSON: per transaction its id, control, acceptance,
/// issues and the mapped purchase order.
core::Json inboundJson(const InboundDocument& document);
core::Json purchaseOrderJson(const PurchaseOrder& order);
core::Json issueJson(const x12::Issue& issue);

/// Test inputs from JSON (fields named as the structs).
sales::Order orderFromJson(const core::Json& json);
sales::Shipment shipmentFromJson(const core::Json& json);
sales::Invoice invoiceFromJson(const core::Json& json);

/// Parses `bytes` with InterchangeParser; the issues as "describe()" lines.
std::vector<std::string> syntaxProblems(const std::string& bytes);
/// The first of syntaxProblems(), or "".
std::string firstProblem(const std::string& bytes);
/// The segments of the first transaction set of `bytes`, each as its elements
/// (id first), components joined with ':'.
std::vector<std::vector<std::string>> segmentsOf(const std::string& bytes);

}  // namespace crossdock::edi::maps::testing
