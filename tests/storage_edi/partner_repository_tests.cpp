#include <boost/test/unit_test.hpp>

#include "crossdock/storage/edi_repositories.h"
#include "test_database.h"

using namespace crossdock;
using crossdock::storage::testing::MigratedStore;

namespace {

edi::Partner acme() {
    edi::Partner p;
    p.id = "ACME-X12";
    p.name = "Acme Manufacturing";
    p.customer_id = "ACME";
    p.formats = {"x12-004010"};
    p.x12 = edi::X12Ids{"ZZ", "ACMEPURCHASING", "ACMEPURCH"};
    p.item_xref = {{"AC-100234", "SCR-MS-M6X20-SS"}, {"AC-100235", "SCR-MS-M6X25-SS"}};
    p.uom_map = {{"CA", "CS"}, {"EA", "EA"}};
    p.delivery = edi::Delivery{"https://erp.acme.example/edi"};
    return p;
}

struct Repos : MigratedStore {
    storage::EdiRepositories edi = storage::makeEdiRepositories(*store);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(partner_repository, Repos)

BOOST_AUTO_TEST_CASE(create_find_and_match_by_sender) {
    BOOST_TEST(edi.partners->create(acme()).ok());
    auto found = edi.partners->find("ACME-X12");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST((*found == acme()));
    auto by_sender = edi.partners->findByX12Sender("ZZ", "ACMEPURCHASING");
    BOOST_REQUIRE(by_sender.has_value());
    BOOST_TEST(by_sender->id == "ACME-X12");
    BOOST_TEST(!edi.partners->findByX12Sender("01", "ACMEPURCHASING").has_value());
    BOOST_TEST(!edi.partners->find("acme-x12").has_value());
}

BOOST_AUTO_TEST_CASE(duplicate_id_or_sender_is_a_conflict) {
    BOOST_TEST(edi.partners->create(acme()).ok());
    auto again = edi.partners->create(acme());
    BOOST_REQUIRE(!again.ok());
    BOOST_TEST((again.error().code == core::ErrorCode::Conflict));

    edi::Partner other = acme();
    other.id = "OTHER";
    auto same_sender = edi.partners->create(other);
    BOOST_REQUIRE(!same_sender.ok());
    BOOST_TEST((same_sender.error().code == core::ErrorCode::Conflict));
    BOOST_TEST(!edi.partners->find("OTHER").has_value());

    other.x12->isa_id = "OTHERSENDER";
    BOOST_TEST(edi.partners->create(other).ok());
}

BOOST_AUTO_TEST_CASE(partners_without_x12_ids_do_not_collide) {
    edi::Partner a = acme();
    a.id = "A";
    a.formats = {"cxml"};
    a.x12.reset();
    edi::Partner b = a;
    b.id = "B";
    BOOST_TEST(edi.partners->create(a).ok());
    BOOST_TEST(edi.partners->create(b).ok());
}

BOOST_AUTO_TEST_CASE(update_replaces_the_profile) {
    BOOST_TEST(edi.partners->create(acme()).ok());
    edi::Partner changed = acme();
    changed.name = "Acme Corp";
    changed.delivery.reset();
    changed.item_xref.push_back({"AC-9", "SKU-9"});
    BOOST_TEST(edi.partners->update(changed).ok());
    BOOST_TEST((*edi.partners->find("ACME-X12") == changed));
    edi::Partner missing = acme();
    missing.id = "NOPE";
    missing.x12->isa_id = "NOPE";
    auto result = edi.partners->update(missing);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST((result.error().code == core::ErrorCode::NotFound));
}

BOOST_AUTO_TEST_CASE(list_pages_by_id) {
    for (const char* id : {"C", "A", "B"}) {
        edi::Partner p = acme();
        p.id = id;
        p.x12->isa_id = std::string("SENDER") + id;
        BOOST_TEST(edi.partners->create(p).ok());
    }
    auto first = edi.partners->list("", 2);
    BOOST_REQUIRE(first.size() == 2u);
    BOOST_TEST(first[0].id == "A");
    BOOST_TEST(first[1].id == "B");
    auto rest = edi.partners->list("B", 2);
    BOOST_REQUIRE(rest.size() == 1u);
    BOOST_TEST(rest[0].id == "C");
}

BOOST_AUTO_TEST_CASE(partner_json_round_trip_and_errors) {
    auto json = core::parseJson(edi::partnerToJson(acme()));
    BOOST_REQUIRE(json.ok());
    auto parsed = edi::partnerFromJson(*json);
    BOOST_REQUIRE(parsed.ok());
    BOOST_TEST((*parsed == acme()));

    auto bad = core::parseJson(R"({"id":"X","name":"X","customer_id":"C","formats":["x12-004010"]})");
    auto refused = edi::partnerFromJson(*bad);
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST(refused.error().where == "$.x12");
    auto unknown = core::parseJson(R"({"id":"X","name":"X","customer_id":"C","formats":["fax"]})");
    BOOST_TEST(edi::partnerFromJson(*unknown).error().where == "$.formats[0]");
}

BOOST_AUTO_TEST_SUITE_END()
