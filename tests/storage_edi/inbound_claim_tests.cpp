// MessageRepository::claimInbound / pendingInbound: the work queue behind the asynchronous
// POST /edi/inbound. One UPDATE gives a message to exactly one worker; a claim whose worker
// died is taken over after the timeout; processed messages are never handed out again.
#include <boost/test/unit_test.hpp>

#include "crossdock/accounts/password.h"
#include "crossdock/storage/edi_repositories.h"
#include "test_database.h"

using namespace crossdock;
using crossdock::storage::testing::MigratedStore;

namespace {

const edi::TimePoint kT0 = edi::TimePoint{} + std::chrono::hours(24 * 20000);
const edi::TimePoint kLongAgo = kT0 - std::chrono::hours(1);

edi::Message inbound(std::string raw, edi::Direction direction = edi::Direction::Inbound) {
    edi::Message m;
    m.direction = direction;
    m.partner_id = "ACME-X12";
    m.format = "x12";
    m.sha256 = accounts::sha256Hex(raw);
    m.size = raw.size();
    m.raw = std::move(raw);
    m.received_at = kT0;
    m.next_attempt_at = kT0;
    m.status =
        direction == edi::Direction::Inbound ? edi::MessageStatus::Received : edi::MessageStatus::Queued;
    return m;
}

struct Repos : MigratedStore {
    storage::EdiRepositories edi = storage::makeEdiRepositories(*store);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(inbound_claims, Repos)

BOOST_AUTO_TEST_CASE(one_worker_gets_a_message_and_the_claim_is_recorded) {
    const std::int64_t id = edi.messages->insert(inbound("ISA*1"));
    const std::int64_t outbound = edi.messages->insert(inbound("ISA*out", edi::Direction::Outbound));
    BOOST_TEST(edi.messages->pendingInbound(kLongAgo, 10) == std::vector<std::int64_t>{id});
    BOOST_TEST(edi.messages->claimInbound(id, "server-a", kT0, kLongAgo));
    BOOST_TEST(!edi.messages->claimInbound(id, "server-b", kT0, kLongAgo));  // held, and fresh
    BOOST_TEST(!edi.messages->claimInbound(outbound, "server-b", kT0, kLongAgo));
    BOOST_TEST(!edi.messages->claimInbound(id + 1000, "server-b", kT0, kLongAgo));
    BOOST_TEST(edi.messages->pendingInbound(kLongAgo, 10).empty());
    const auto stored = edi.messages->find(id);
    BOOST_TEST_REQUIRE(stored.has_value());
    BOOST_TEST((stored->status == edi::MessageStatus::Processing));
    BOOST_TEST(stored->claimed_by == "server-a");
    BOOST_TEST((stored->claimed_at == kT0));
}

BOOST_AUTO_TEST_CASE(a_stale_claim_is_taken_over_and_a_processed_message_never_comes_back) {
    const std::int64_t id = edi.messages->insert(inbound("ISA*2"));
    BOOST_TEST(edi.messages->claimInbound(id, "server-a", kT0, kLongAgo));
    // Later: server-a's claim is older than the timeout (it died).
    const edi::TimePoint later = kT0 + std::chrono::hours(2);
    BOOST_TEST(edi.messages->pendingInbound(later - std::chrono::hours(1), 10) ==
               std::vector<std::int64_t>{id});
    BOOST_TEST(edi.messages->claimInbound(id, "server-b", later, later - std::chrono::hours(1)));
    BOOST_TEST(!edi.messages->claimInbound(id, "server-c", later, later - std::chrono::hours(1)));
    BOOST_TEST(edi.messages->find(id)->claimed_by == "server-b");

    edi::Message done = *edi.messages->find(id);
    done.status = edi::MessageStatus::Processed;
    BOOST_REQUIRE(edi.messages->update(done).ok());
    const edi::TimePoint much_later = later + std::chrono::hours(48);
    BOOST_TEST(!edi.messages->claimInbound(id, "server-c", much_later, much_later));
    BOOST_TEST(edi.messages->pendingInbound(much_later, 10).empty());
}

BOOST_AUTO_TEST_CASE(pending_messages_come_oldest_first_up_to_the_limit) {
    std::vector<std::int64_t> ids;
    for (int k = 0; k < 5; ++k) ids.push_back(edi.messages->insert(inbound("ISA*" + std::to_string(k))));
    BOOST_TEST(edi.messages->claimInbound(ids[1], "server-a", kT0, kLongAgo));
    BOOST_TEST(edi.messages->pendingInbound(kLongAgo, 3) ==
               (std::vector<std::int64_t>{ids[0], ids[2], ids[3]}));
}

BOOST_AUTO_TEST_CASE(a_message_may_be_stored_already_claimed) {
    edi::Message m = inbound("ISA*ingest");
    m.status = edi::MessageStatus::Processing;
    m.claimed_by = "ingest:host:1";
    m.claimed_at = kT0;
    const std::int64_t id = edi.messages->insert(m);
    BOOST_TEST(edi.messages->pendingInbound(kLongAgo, 10).empty());
    BOOST_TEST(!edi.messages->claimInbound(id, "server-a", kT0, kLongAgo));
    BOOST_TEST(edi.messages->find(id)->claimed_by == "ingest:host:1");
}

BOOST_AUTO_TEST_SUITE_END()
