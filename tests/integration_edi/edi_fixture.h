#pragma once
// What the EDI integration cases share: the demo world loaded once into the shared database,
// a test partner created through the API (with its API key), and 850s addressed from it.

#include <cstdint>
#include <string>

#include "http_client.h"
#include "test_environment.h"

namespace crossdock::integration::edi_test {

/// The test partner: IT-ACME, ordering for the demo customer ACME, X12 sender ZZ/ITACME.
inline constexpr const char* kPartnerId = "IT-ACME";

/// Loads the demo world (`crossdock init --demo`) into the shared database before the shared
/// server starts, once per run; then creates the test partner (POST /api/v1/partners) and
/// returns its API key.
const std::string& partnerKey();

/// tests/data/x12/pipeline/<name>, sent by the test partner (ISA06/GS02 rewritten to
/// `isa_id`/`gs_id`), with ISA13/IEA02 set to `control` and the PO number to `po`.
std::string document850(const std::string& name, std::uint32_t control, const std::string& po,
                        const std::string& isa_id = "ITACME", const std::string& gs_id = "ITACMEGS");

/// Creates a partner as admin (POST /api/v1/partners) for customer ACME with these X12 ids
/// and, when not empty, a delivery URL; returns its API key. Fails the test unless 201.
std::string createPartner(const std::string& id, const std::string& isa_id, const std::string& gs_id,
                          const std::string& delivery_url = "");

/// A fresh interchange control number for this run (distinct per call).
std::uint32_t nextControl();

/// POST /edi/inbound with the partner's key.
HttpAnswer postInbound(const std::string& bytes, const std::string& key = partnerKey());

/// GET /api/v1/edi/messages/{id} as admin (on the shared server, or the server on `port`);
/// fails the test unless 200. While the message is received or processing (POST
/// /edi/inbound answers before processing), asks again every 20 ms for up to 10 s, so what
/// it returns is the final state unless processing took longer.
core::Json getMessage(std::int64_t id, std::uint16_t port = 0);

/// tests/data/<relative>.
std::string testData(const std::string& relative);

}  // namespace crossdock::integration::edi_test
