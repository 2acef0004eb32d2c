#include <chrono>
#include <set>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "crossdock/accounts/password.h"
#include "crossdock/storage/edi_repositories.h"
#include "test_database.h"

using namespace crossdock;
using namespace std::chrono_literals;
using crossdock::storage::testing::MigratedStore;

namespace {

const edi::TimePoint kT0 = edi::TimePoint{} + std::chrono::hours(24 * 20000);

edi::Message inbound(std::string raw, std::string partner = "ACME-X12") {
    edi::Message m;
    m.direction = edi::Direction::Inbound;
    m.partner_id = std::move(partner);
    m.format = "x12";
    m.sha256 = accounts::sha256Hex(raw);
    m.size = raw.size();
    m.raw = std::move(raw);
    m.received_at = kT0;
    m.next_attempt_at = kT0;
    return m;
}

edi::Message outbound(std::int64_t related_to, edi::MessageStatus status = edi::MessageStatus::Queued) {
    edi::Message m = inbound("ISA*00*...~");
    m.direction = edi::Direction::Outbound;
    m.document_type = "997";
    m.status = status;
    m.related_to = related_to;
    return m;
}

struct Repos : MigratedStore {
    storage::EdiRepositories edi = storage::makeEdiRepositories(*store);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(message_repository, Repos)

// Every byte value, NUL and invalid UTF-8 included, comes back unchanged.
BOOST_AUTO_TEST_CASE(raw_bytes_survive_unchanged) {
    std::string raw;
    for (int i = 0; i < 256; ++i) raw += static_cast<char>(i);
    raw += "ISA*00*\r\n~\xEF\xBB\xBF";
    for (std::size_t cut : {raw.size(), std::size_t{1}, std::size_t{2}, std::size_t{0}}) {
        const std::string piece = raw.substr(0, cut);
        const std::int64_t id = edi.messages->insert(inbound(piece));
        auto found = edi.messages->find(id);
        BOOST_REQUIRE(found.has_value());
        BOOST_TEST((found->raw == piece));
        BOOST_TEST(found->size == piece.size());
        BOOST_TEST(found->sha256 == accounts::sha256Hex(piece));
        BOOST_TEST((found->received_at == kT0));
        BOOST_TEST((found->status == edi::MessageStatus::Received));
    }
}

BOOST_AUTO_TEST_CASE(update_keeps_raw_and_sets_outcome) {
    const std::int64_t id = edi.messages->insert(inbound("ISA*raw~"));
    edi::Message m = *edi.messages->find(id);
    m.status = edi::MessageStatus::Rejected;
    m.document_type = "850";
    m.control_number = "000000042";
    m.errors = {{"PO1 #5", "2", "AK4 7", "unknown item"}, {"", "", "TA1 025", "dup \"quoted\""}};
    m.order_id = 9007199254740993;
    m.raw = "changed";
    BOOST_TEST(edi.messages->update(m).ok());
    auto found = edi.messages->find(id);
    BOOST_TEST(found->raw == "ISA*raw~");
    BOOST_TEST((found->errors == m.errors));
    BOOST_TEST(found->order_id.value() == 9007199254740993);
    BOOST_TEST(found->control_number == "000000042");
    m.id = 987654;
    BOOST_TEST(!edi.messages->update(m).ok());
}

BOOST_AUTO_TEST_CASE(list_filters_newest_first_and_related) {
    const std::int64_t a = edi.messages->insert(inbound("a"));
    const std::int64_t b = edi.messages->insert(inbound("b", "NORDWIND"));
    const std::int64_t ack = edi.messages->insert(outbound(a));
    const std::int64_t ack2 = edi.messages->insert(outbound(a, edi::MessageStatus::Ready));

    auto all = edi.messages->list({});
    BOOST_REQUIRE(all.size() == 4u);
    BOOST_TEST(all[0].id == ack2);
    BOOST_TEST(all[3].id == a);
    BOOST_TEST(all[3].raw.empty());
    BOOST_TEST(all[3].size == 1u);

    edi::MessageQuery by_partner;
    by_partner.partner_id = "NORDWIND";
    BOOST_TEST(edi.messages->list(by_partner).size() == 1u);
    BOOST_TEST(edi.messages->list(by_partner)[0].id == b);

    edi::MessageQuery out;
    out.direction = edi::Direction::Outbound;
    out.status = edi::MessageStatus::Queued;
    BOOST_REQUIRE(edi.messages->list(out).size() == 1u);
    BOOST_TEST(edi.messages->list(out)[0].id == ack);

    edi::MessageQuery page;
    page.limit = 2;
    page.before_id = ack;
    auto second = edi.messages->list(page);
    BOOST_REQUIRE(second.size() == 2u);
    BOOST_TEST(second[0].id == b);

    BOOST_TEST((edi.messages->relatedTo(a) == std::vector<std::int64_t>{ack, ack2}));
    BOOST_TEST(edi.messages->relatedTo(b).empty());
}

BOOST_AUTO_TEST_CASE(interchange_claims_refuse_duplicates_within_the_window) {
    const std::int64_t first = edi.messages->insert(inbound("1"));
    const std::int64_t second = edi.messages->insert(inbound("2"));
    const auto window = std::chrono::hours(24 * 30);
    BOOST_TEST(edi.messages->claimInterchange("ACME-X12", "000000001", first, kT0, kT0 - window).ok());
    auto dup = edi.messages->claimInterchange("ACME-X12", "000000001", second, kT0 + 1h, kT0 + 1h - window);
    BOOST_REQUIRE(!dup.ok());
    BOOST_TEST((dup.error().code == core::ErrorCode::Conflict));
    BOOST_TEST(dup.error().message == std::to_string(first));
    // The same message again (a replay) keeps its claim; another partner is independent.
    BOOST_TEST(edi.messages->claimInterchange("ACME-X12", "000000001", first, kT0, kT0 - window).ok());
    BOOST_TEST(edi.messages->claimInterchange("NORDWIND", "000000001", second, kT0, kT0 - window).ok());
    // After the window the number may be used again.
    const auto later = kT0 + window + 1h;
    BOOST_TEST(edi.messages->claimInterchange("ACME-X12", "000000001", second, later, later - window).ok());
    // A released claim (the document failed) lets a resend through.
    const std::int64_t third = edi.messages->insert(inbound("3"));
    edi.messages->releaseInterchange("ACME-X12", "000000001", first);  // not the holder: no-op
    BOOST_TEST(!edi.messages->claimInterchange("ACME-X12", "000000001", third, later, later - window).ok());
    edi.messages->releaseInterchange("ACME-X12", "000000001", second);
    BOOST_TEST(edi.messages->claimInterchange("ACME-X12", "000000001", third, later, later - window).ok());
}

// Several threads (separate pooled connections) race for one interchange: exactly one wins.
BOOST_AUTO_TEST_CASE(concurrent_claims_have_one_winner) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 6; ++i) ids.push_back(edi.messages->insert(inbound(std::to_string(i))));
    std::atomic<int> winners{0};
    std::vector<std::thread> threads;
    for (std::int64_t id : ids) {
        threads.emplace_back([&, id] {
            if (edi.messages->claimInterchange("ACME-X12", "000000777", id, kT0, kT0 - 24h).ok()) ++winners;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(winners.load() == 1);
}

BOOST_AUTO_TEST_CASE(outbound_delivery_leases_and_outcomes) {
    const std::int64_t in = edi.messages->insert(inbound("in"));
    const std::int64_t a = edi.messages->insert(outbound(in));
    const std::int64_t b = edi.messages->insert(outbound(in));
    edi.messages->insert(outbound(in, edi::MessageStatus::Ready));

    auto due = edi.messages->claimDueOutbound(kT0, kT0 + 30s, 10);
    BOOST_REQUIRE(due.size() == 2u);
    BOOST_TEST(due[0].id == a);
    BOOST_TEST(due[0].raw == "ISA*00*...~");
    BOOST_TEST(edi.messages->claimDueOutbound(kT0 + 1s, kT0 + 31s, 10).empty());  // leased

    edi.messages->markSent(a, kT0 + 2s);
    edi.messages->markDeliveryFailed(b, "HTTP 503", kT0 + 60s);
    auto sent = *edi.messages->find(a);
    BOOST_TEST((sent.status == edi::MessageStatus::Sent));
    BOOST_TEST((sent.sent_at.value() == kT0 + 2s));
    BOOST_TEST(sent.attempts == 1);
    auto retrying = *edi.messages->find(b);
    BOOST_TEST((retrying.status == edi::MessageStatus::Queued));
    BOOST_TEST(retrying.last_error == "HTTP 503");
    BOOST_TEST(edi.messages->claimDueOutbound(kT0 + 59s, kT0 + 90s, 10).empty());
    auto again = edi.messages->claimDueOutbound(kT0 + 60s, kT0 + 90s, 10);
    BOOST_REQUIRE(again.size() == 1u);
    edi.messages->markDeliveryFailed(b, "HTTP 500", std::nullopt);
    auto failed = *edi.messages->find(b);
    BOOST_TEST((failed.status == edi::MessageStatus::Failed));
    BOOST_TEST(failed.attempts == 2);
}

BOOST_AUTO_TEST_CASE(control_numbers_are_per_partner_and_kind_and_never_repeat) {
    auto& numbers = *edi.control_numbers;
    BOOST_TEST(numbers.next("ACME", edi::ControlKind::Interchange) == 1u);
    BOOST_TEST(numbers.next("ACME", edi::ControlKind::Interchange) == 2u);
    BOOST_TEST(numbers.next("ACME", edi::ControlKind::Group) == 1u);
    BOOST_TEST(numbers.next("OTHER", edi::ControlKind::Interchange) == 1u);

    std::mutex mutex;
    std::set<std::uint32_t> seen;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                const auto n = numbers.next("ACME", edi::ControlKind::Transaction);
                std::lock_guard lock(mutex);
                seen.insert(n);
            }
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(seen.size() == 40u);
    BOOST_TEST(*seen.begin() == 1u);
    BOOST_TEST(*seen.rbegin() == 40u);
    const edi::EnvelopeNumbers set = numbers.nextEnvelope("ACME");
    BOOST_TEST(set.interchange == 3u);
    BOOST_TEST(set.group == 2u);
    BOOST_TEST(set.transaction == 41u);
    // A second store over the same database (another process) continues the sequence.
    auto other = storage::makeEdiRepositories(*store);
    BOOST_TEST(other.control_numbers->next("ACME", edi::ControlKind::Interchange) == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
