// MessageRepository::complete: the end of an inbound run (outbound documents with fresh
// envelope numbers, released claims, the inbound's final state) in one transaction.
#include <boost/test/unit_test.hpp>

#include "crossdock/accounts/password.h"
#include "crossdock/storage/edi_repositories.h"
#include "test_database.h"

using namespace crossdock;
using crossdock::storage::testing::MigratedStore;

namespace {

const edi::TimePoint kT0 = edi::TimePoint{} + std::chrono::hours(24 * 20000);

edi::Message message(edi::Direction direction, std::string raw) {
    edi::Message m;
    m.direction = direction;
    m.partner_id = "ACME-X12";
    m.format = "x12";
    m.sha256 = accounts::sha256Hex(raw);
    m.size = raw.size();
    m.raw = std::move(raw);
    m.received_at = kT0;
    m.next_attempt_at = kT0;
    return m;
}

// A draft whose bytes name the numbers it got; `fail` makes it unwritable.
edi::OutboundDraft draft(std::int64_t related_to, std::string type, bool fail = false) {
    return edi::OutboundDraft{
        "ACME-X12", [related_to, type, fail](const edi::EnvelopeNumbers& n) -> std::optional<edi::Message> {
            if (fail) return std::nullopt;
            edi::Message m = message(edi::Direction::Outbound, type + " " + std::to_string(n.interchange) +
                                                                   "/" + std::to_string(n.group) + "/" +
                                                                   std::to_string(n.transaction));
            m.document_type = type;
            m.status = edi::MessageStatus::Ready;
            m.related_to = related_to;
            return m;
        }};
}

struct Repos : MigratedStore {
    storage::EdiRepositories edi = storage::makeEdiRepositories(*store);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(message_complete, Repos)

BOOST_AUTO_TEST_CASE(drafts_claims_and_status_are_stored_together) {
    edi::Message in = message(edi::Direction::Inbound, "ISA*...850~");
    in.id = edi.messages->insert(in);
    BOOST_REQUIRE(edi.messages->claimInterchange("ACME-X12", "000000007", in.id, kT0, kT0).ok());
    BOOST_REQUIRE(edi.messages->claimInterchange("ACME-X12", "000000008", in.id, kT0, kT0).ok());
    in.status = edi::MessageStatus::Rejected;
    in.errors.push_back(edi::MessageError{"ISA", "13", "TA1 025", "duplicate"});
    const std::vector<edi::OutboundDraft> drafts{draft(in.id, "TA1"), draft(in.id, "855", true),
                                                 draft(in.id, "997")};
    auto ids = edi.messages->complete(in, drafts, {"000000007"});
    BOOST_REQUIRE(ids.ok());
    BOOST_REQUIRE(ids->size() == 2u);  // the unwritable draft is skipped, its numbers are spent
    BOOST_TEST(edi.messages->find((*ids)[0])->raw == "TA1 1/1/1");
    BOOST_TEST(edi.messages->find((*ids)[1])->raw == "997 3/3/3");
    BOOST_TEST((edi.messages->relatedTo(in.id) == *ids));
    auto stored = *edi.messages->find(in.id);
    BOOST_TEST((stored.status == edi::MessageStatus::Rejected));
    BOOST_REQUIRE(stored.errors.size() == 1u);
    // 000000007 was released (another message may claim it); 000000008 is still held.
    const std::int64_t other = edi.messages->insert(message(edi::Direction::Inbound, "ISA*...850 again~"));
    BOOST_TEST(edi.messages->claimInterchange("ACME-X12", "000000007", other, kT0, kT0).ok());
    BOOST_TEST(!edi.messages->claimInterchange("ACME-X12", "000000008", other, kT0, kT0).ok());
    BOOST_TEST(edi.control_numbers->nextEnvelope("ACME-X12").interchange == 4u);
}

BOOST_AUTO_TEST_CASE(an_unknown_inbound_stores_nothing) {
    const std::int64_t real = edi.messages->insert(message(edi::Direction::Inbound, "ISA*...850~"));
    edi::Message in = message(edi::Direction::Inbound, "ISA*...850~");
    in.id = real + 4242;
    auto ids = edi.messages->complete(in, {draft(real, "997")}, {});
    BOOST_REQUIRE(!ids.ok());
    BOOST_TEST((ids.error().code == core::ErrorCode::NotFound));
    BOOST_TEST(edi.messages->relatedTo(real).empty());
    // The envelope numbers of the rolled-back draft were not spent either.
    BOOST_TEST(edi.control_numbers->nextEnvelope("ACME-X12").interchange == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
