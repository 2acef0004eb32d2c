// The inbound pipeline over the real EDI repositories (SQLite and PostgreSQL), with a recording
// order placer standing in for sales::OrderService (idempotent on the inbox id and PO number,
// as the real one is).
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/inbound_pipeline.h"
#include "crossdock/storage/edi_repositories.h"
#include "test_database.h"

using namespace crossdock;
using crossdock::storage::testing::MigratedStore;

namespace {

std::string readData(const std::string& name) {
    std::ifstream in(std::string(CROSSDOCK_TEST_DATA_DIR) + "/x12/pipeline/" + name, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

edi::Partner acmePartner() {
    edi::Partner p;
    p.id = "ACME-X12";
    p.name = "Acme";
    p.customer_id = "ACME";
    p.formats = {"x12-004010"};
    p.x12 = edi::X12Ids{"ZZ", "ACMEPURCHASING", "ACMEPURCH"};
    p.item_xref = {{"AC-100234", "SCR-MS-M6X20-SS"}, {"AC-200871", "BLT-HEX-M10X50-ZP"}};
    p.uom_map = {{"CA", "CS"}};
    return p;
}

// Orders by PO number; a second request for the same PO or message answers the first order.
struct FakeSales {
    std::mutex mutex;
    std::vector<sales::OrderRequest> requests;
    std::map<std::string, sales::Order> by_po;

    sales::PlaceResult place(const accounts::Caller& caller, sales::OrderRequest request) {
        std::lock_guard lock(mutex);
        requests.push_back(request);
        sales::PlaceResult result;
        BOOST_TEST((caller.role == accounts::Role::Partner));
        if (auto it = by_po.find(request.po_number); it != by_po.end()) {
            result.order = it->second;
            result.duplicate = true;
            return result;
        }
        sales::Order order;
        order.id = static_cast<std::int64_t>(by_po.size()) + 1;
        order.number = sales::formatOrderNumber(order.id);
        order.customer_id = request.customer_id;
        order.po_number = request.po_number;
        order.source = request.source;
        order.currency = "USD";
        order.source_message_id = request.source_message_id;
        int line_no = 0;
        for (const auto& line : request.lines) {
            sales::OrderLine out;
            out.line_no = ++line_no;
            out.line_ref = line.line_ref;
            out.sku = line.sku;
            out.quantity = line.quantity;
            out.uom = line.uom;
            out.unit_price = core::Decimal::fromRaw(1500);
            order.lines.push_back(out);
        }
        by_po[request.po_number] = order;
        result.order = order;
        return result;
    }
};

struct Pipeline : MigratedStore {
    storage::EdiRepositories repos = storage::makeEdiRepositories(*store);
    core::ManualClock clock{core::TimePoint{} + std::chrono::hours(24 * 20000)};
    FakeSales sales;
    edi::InboundPipeline pipeline{
        *repos.partners,
        *repos.messages,
        *repos.control_numbers,
        clock,
        edi::PipelineOptions{},
        [this](const accounts::Caller& c, sales::OrderRequest r) { return sales.place(c, std::move(r)); }};

    Pipeline() { BOOST_REQUIRE(repos.partners->create(acmePartner()).ok()); }

    std::vector<edi::Message> related(std::int64_t id) {
        std::vector<edi::Message> out;
        for (auto rid : repos.messages->relatedTo(id)) out.push_back(*repos.messages->find(rid));
        return out;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(inbound_pipeline, Pipeline)

BOOST_AUTO_TEST_CASE(an_850_becomes_an_order_with_997_and_855) {
    const std::string raw = readData("acme_850.edi");
    auto result = pipeline.ingest("ACME-X12", raw);
    BOOST_REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().describe()));
    for (const auto& e : result->errors) BOOST_TEST_MESSAGE(e.code << " " << e.message);
    BOOST_TEST((result->status == edi::MessageStatus::Processed));
    BOOST_REQUIRE(result->order_ids.size() == 1u);
    BOOST_REQUIRE(sales.requests.size() == 1u);
    const auto& request = sales.requests.front();
    BOOST_TEST(request.po_number == "ACME-PO-501");
    BOOST_TEST(request.customer_id == "ACME");
    BOOST_TEST((request.source == sales::OrderSource::X12));
    BOOST_TEST(request.source_message_id.value() == result->message_id);

    auto inbound = *repos.messages->find(result->message_id);
    BOOST_TEST(inbound.raw == raw);
    BOOST_TEST(inbound.control_number == "000000501");
    BOOST_TEST(inbound.document_type == "850");
    BOOST_TEST(inbound.order_id.value() == result->order_ids.front());

    auto answers = related(result->message_id);
    BOOST_REQUIRE(answers.size() == 2u);
    BOOST_TEST(answers[0].document_type == "997");
    BOOST_TEST(answers[1].document_type == "855");
    BOOST_TEST((answers[0].status == edi::MessageStatus::Ready));  // no delivery URL
    BOOST_TEST(answers[0].raw.find("AK1*PO*501") != std::string::npos);
    BOOST_TEST(answers[0].raw.find("*ZZ*ACMEPURCHASING *") != std::string::npos);
    BOOST_TEST(answers[1].raw.find("BAK*") != std::string::npos);
    BOOST_TEST(answers[1].raw.find("ACME-PO-501") != std::string::npos);
    BOOST_TEST(answers[0].control_number != answers[1].control_number);
}

BOOST_AUTO_TEST_CASE(a_duplicate_interchange_gets_ta1_025_and_no_second_order) {
    const std::string raw = readData("acme_850.edi");
    auto first = pipeline.ingest("ACME-X12", raw);
    BOOST_REQUIRE(first.ok());
    auto second = pipeline.ingest("ACME-X12", raw);
    BOOST_REQUIRE(second.ok());
    BOOST_TEST((second->status == edi::MessageStatus::Duplicate));
    BOOST_TEST(sales.requests.size() == 1u);
    BOOST_TEST(second->order_ids.empty());
    BOOST_REQUIRE(!second->errors.empty());
    BOOST_TEST(second->errors.front().code == "TA1 025");
    auto answers = related(second->message_id);
    BOOST_REQUIRE(answers.size() == 1u);
    BOOST_TEST(answers[0].document_type == "TA1");
    BOOST_TEST(answers[0].raw.find("TA1*000000501*240115*1200*R*025") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_receiver_is_rejected_with_a_ta1) {
    auto result = pipeline.ingest("ACME-X12", readData("acme_850_wrong_receiver.edi"));
    BOOST_REQUIRE(result.ok());
    BOOST_TEST((result->status == edi::MessageStatus::Rejected));
    BOOST_TEST(sales.requests.empty());
    BOOST_REQUIRE(!result->errors.empty());
    BOOST_TEST(result->errors.front().code == "TA1 009");
    auto answers = related(result->message_id);
    BOOST_REQUIRE(answers.size() == 1u);
    BOOST_TEST(answers[0].raw.find("*R*009") != std::string::npos);
    // A rejected interchange does not burn its control number: the corrected resend goes through.
    auto fixed = pipeline.ingest("ACME-X12", readData("acme_850.edi"));
    BOOST_TEST((fixed->status == edi::MessageStatus::Processed));
}

BOOST_AUTO_TEST_CASE(a_bad_segment_count_is_acknowledged_and_not_ordered) {
    auto result = pipeline.ingest("ACME-X12", readData("acme_850_bad_count.edi"));
    BOOST_REQUIRE(result.ok());
    BOOST_TEST((result->status == edi::MessageStatus::Rejected));
    BOOST_TEST(sales.requests.empty());
    bool found = false;
    for (const auto& e : result->errors) found = found || e.code == "AK5 4";
    BOOST_TEST(found);
    auto answers = related(result->message_id);
    BOOST_REQUIRE(answers.size() == 1u);
    BOOST_TEST(answers[0].document_type == "997");
    BOOST_TEST(answers[0].raw.find("AK5*R*4") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(another_partners_sender_ids_are_refused) {
    edi::Partner other = acmePartner();
    other.id = "OTHER";
    other.x12->isa_id = "OTHERSENDER";
    BOOST_REQUIRE(repos.partners->create(other).ok());
    auto result = pipeline.ingest("OTHER", readData("acme_850.edi"));
    BOOST_REQUIRE(result.ok());
    BOOST_TEST((result->status == edi::MessageStatus::Rejected));
    BOOST_TEST(result->errors.front().code == "TA1 006");
    BOOST_TEST(sales.requests.empty());
}

BOOST_AUTO_TEST_CASE(other_formats_are_stored_and_rejected_as_unsupported) {
    auto result = pipeline.ingest("ACME-X12", "UNB+UNOC:3+SENDER+RECEIVER'");
    BOOST_REQUIRE(result.ok());
    BOOST_TEST((result->status == edi::MessageStatus::Rejected));
    BOOST_TEST(result->errors.front().code == "unsupported_format");
    BOOST_TEST(repos.messages->find(result->message_id)->format == "edifact");
    BOOST_TEST(edi::detectFormat("\xEF\xBB\xBF  <?xml version=\"1.0\"?><cXML>") == "cxml");
}

BOOST_AUTO_TEST_CASE(replay_reprocesses_failed_messages_without_a_second_order) {
    auto stored = pipeline.store("ACME-X12", readData("acme_850.edi"));
    BOOST_REQUIRE(stored.ok());
    // Processed once: a replay is refused.
    BOOST_REQUIRE(pipeline.process(*stored).ok());
    auto refused = pipeline.replay(*stored);
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.error().code == core::ErrorCode::FailedPrecondition));
    // Marked failed (a crash, a fixed profile): the replay finds the same order.
    auto message = *repos.messages->find(*stored);
    message.status = edi::MessageStatus::Failed;
    BOOST_REQUIRE(repos.messages->update(message).ok());
    auto replayed = pipeline.replay(*stored);
    BOOST_REQUIRE(replayed.ok());
    BOOST_TEST((replayed->status == edi::MessageStatus::Processed));
    BOOST_TEST(sales.by_po.size() == 1u);
    BOOST_TEST(replayed->order_ids.front() == 1);
    BOOST_TEST(!pipeline.store("NOPE", "x").ok());
}

// The acknowledgements and the 855 are stored with the run's final status, in one commit. A run
// that died after sales committed the order left neither: its replay finds the order (sales is
// idempotent on the inbox id) and sends the 855 then; an order of another message gets none.
BOOST_AUTO_TEST_CASE(a_replay_after_a_crash_past_the_order_sends_the_855) {
    auto stored = pipeline.store("ACME-X12", readData("acme_850.edi"));
    BOOST_REQUIRE(stored.ok());
    sales::OrderRequest first;
    first.po_number = "ACME-PO-501";
    first.customer_id = "ACME";
    first.source_message_id = *stored;
    accounts::Caller partner;
    partner.role = accounts::Role::Partner;
    (void)sales.place(partner, first);  // the order the dead run placed
    auto replayed = pipeline.replay(*stored);
    BOOST_REQUIRE(replayed.ok());
    BOOST_TEST((replayed->status == edi::MessageStatus::Processed));
    BOOST_TEST(sales.by_po.size() == 1u);
    std::vector<std::string> types;
    for (const auto& m : related(*stored)) types.push_back(m.document_type);
    BOOST_TEST((types == std::vector<std::string>{"997", "855"}));
    BOOST_TEST(replayed->outbound_ids.size() == 2u);

    // The same PO number in another interchange: the order exists, this message sends no 855.
    std::string resend = readData("acme_850.edi");
    for (auto at = resend.find("000000501"); at != std::string::npos; at = resend.find("000000501"))
        resend.replace(at, 9, "000000502");
    auto other = pipeline.ingest("ACME-X12", resend);
    BOOST_REQUIRE(other.ok());
    types.clear();
    for (const auto& m : related(other->message_id)) types.push_back(m.document_type);
    BOOST_TEST((types == std::vector<std::string>{"997"}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(inbound_pipeline_versions, Pipeline)

// The partner's formats say which X12 versions it may send; 005010 groups get a 999.
BOOST_AUTO_TEST_CASE(versions_follow_the_profile_and_005010_gets_a_999) {
    const std::string raw = readData("acme_850_005010.edi");
    auto refused = pipeline.ingest("ACME-X12", raw);
    BOOST_REQUIRE(refused.ok());
    BOOST_TEST((refused->status == edi::MessageStatus::Rejected));
    BOOST_TEST(refused->errors.front().code == "TA1 003");
    BOOST_TEST(sales.requests.empty());

    edi::Partner both = acmePartner();
    both.formats.push_back("x12-005010");
    BOOST_REQUIRE(repos.partners->update(both).ok());
    auto accepted = pipeline.replay(refused->message_id);  // the profile was fixed: replay it
    BOOST_REQUIRE(accepted.ok());
    BOOST_TEST((accepted->status == edi::MessageStatus::Processed));
    BOOST_REQUIRE(accepted->order_ids.size() == 1u);
    std::vector<std::string> types;
    for (auto id : repos.messages->relatedTo(refused->message_id)) {
        types.push_back(repos.messages->find(id)->document_type);
    }
    BOOST_TEST((types == std::vector<std::string>{"TA1", "999", "855"}));
    auto ack = *repos.messages->find(repos.messages->relatedTo(refused->message_id)[1]);
    BOOST_TEST(ack.raw.find("*00501*") != std::string::npos);
    BOOST_TEST(ack.raw.find("IK5*A") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
