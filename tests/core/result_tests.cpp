#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "crossdock/core/error.h"
#include "crossdock/core/result.h"

using crossdock::core::Error;
using crossdock::core::ErrorCode;
using crossdock::core::makeError;
using crossdock::core::Result;
using crossdock::core::Status;

BOOST_AUTO_TEST_SUITE(result)

BOOST_AUTO_TEST_CASE(holds_a_value) {
    Result<int> r = 42;
    BOOST_TEST(r.ok());
    BOOST_TEST(static_cast<bool>(r));
    BOOST_TEST(r.value() == 42);
    BOOST_TEST(*r == 42);
    BOOST_TEST(r.valueOr(7) == 42);
}

BOOST_AUTO_TEST_CASE(holds_an_error) {
    Result<int> r = makeError(ErrorCode::NotFound, "no such SKU", "$.lines[2].sku");
    BOOST_TEST(!r.ok());
    BOOST_TEST(!static_cast<bool>(r));
    BOOST_TEST(r.valueOr(7) == 7);
    BOOST_TEST((r.error().code == ErrorCode::NotFound));
    BOOST_TEST(r.error().message == "no such SKU");
    BOOST_TEST(r.error().where == "$.lines[2].sku");
    Error taken = r.takeError();
    BOOST_TEST(taken.describe() == "no such SKU ($.lines[2].sku)");
}

BOOST_AUTO_TEST_CASE(moves_values_out) {
    Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
    BOOST_TEST(r->get() != nullptr);
    std::unique_ptr<int> owned = std::move(r).value();
    BOOST_TEST(*owned == 5);

    Result<std::string> s = std::string("abc");
    BOOST_TEST(s->size() == 3u);
}

BOOST_AUTO_TEST_CASE(status) {
    Status ok;
    BOOST_TEST(ok.ok());
    Status failed = makeError(ErrorCode::Conflict, "PO number already used");
    BOOST_TEST(!failed.ok());
    BOOST_TEST((failed.error().code == ErrorCode::Conflict));
    BOOST_TEST(failed.takeError().message == "PO number already used");
}

BOOST_AUTO_TEST_CASE(describe_without_where) {
    BOOST_TEST(makeError(ErrorCode::Internal, "boom").describe() == "boom");
}

BOOST_AUTO_TEST_CASE(error_code_names_are_stable) {
    BOOST_TEST(toString(ErrorCode::InvalidArgument) == "invalid_argument");
    BOOST_TEST(toString(ErrorCode::NotFound) == "not_found");
    BOOST_TEST(toString(ErrorCode::Conflict) == "conflict");
    BOOST_TEST(toString(ErrorCode::Unauthenticated) == "unauthenticated");
    BOOST_TEST(toString(ErrorCode::PermissionDenied) == "permission_denied");
    BOOST_TEST(toString(ErrorCode::RateLimited) == "rate_limited");
    BOOST_TEST(toString(ErrorCode::FailedPrecondition) == "failed_precondition");
    BOOST_TEST(toString(ErrorCode::Overflow) == "overflow");
    BOOST_TEST(toString(ErrorCode::Unavailable) == "unavailable");
    BOOST_TEST(toString(ErrorCode::Internal) == "internal");
}

BOOST_AUTO_TEST_SUITE_END()
