// QuoteService: drafting and pricing, RBAC, requests for quote, versions, concurrency.

#include "test_helpers.h"

namespace crossdock::sales::testing {

BOOST_AUTO_TEST_SUITE(quote_service)

BOOST_AUTO_TEST_CASE(create_prices_lines_and_totals) {
    World w;
    const Quote quote = w.draft({line("BOLT", "3", "CS", "11.995", "volume"), line("ACME-B-7", "10", "EA")});
    BOOST_TEST(quote.number == "Q-000001");
    BOOST_TEST(quote.version == 1);
    BOOST_TEST(quote.status == QuoteStatus::Draft);
    BOOST_TEST(quote.rep_id == 10);
    BOOST_TEST(quote.currency == "USD");
    BOOST_REQUIRE(quote.lines.size() == 2U);
    BOOST_TEST(quote.lines[0].list_price == dec("12"));
    BOOST_TEST(quote.lines[0].unit_price == dec("11.995"));
    BOOST_TEST(quote.lines[0].extended == dec("35.99"));  // 35.985 rounds half up
    BOOST_TEST(quote.lines[0].reason == "volume");
    BOOST_TEST(quote.lines[1].sku == "BOLT");  // found by the customer's part number
    BOOST_TEST(quote.lines[1].unit_price == dec("1"));
    BOOST_TEST(quote.lines[1].reason.empty());
    BOOST_TEST(quote.lines[1].explanation == "list BASE, BOLT EA");
    BOOST_TEST(quote.total == dec("45.99"));
    BOOST_TEST(quote.row_version == 1);
    BOOST_TEST(w.quotes.find(quote.id, std::nullopt).has_value());
}

BOOST_AUTO_TEST_CASE(create_rejects_bad_lines) {
    World w;
    auto create = [&](QuoteLineInput input) {
        return w.quote_service.create(w.rep, NewQuote{"ACME", std::nullopt, {std::move(input)}, "", ""});
    };
    auto no_reason = create(line("WIDGET", "1", "EA", "95"));
    BOOST_TEST(codeOf(no_reason) == ErrorCode::InvalidArgument);
    BOOST_TEST(no_reason.error().where == "$.lines[0].reason");
    BOOST_TEST(codeOf(create(line("NOPE", "1", "EA"))) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(create(line("HIDDEN", "1", "EA"))) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(create(line("OLD", "1", "EA"))) == ErrorCode::FailedPrecondition);
    BOOST_TEST(codeOf(create(line("BOLT", "1", "PL"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(create(line("NUT", "50", "EA"))) == ErrorCode::InvalidArgument);  // below MOQ 100
    BOOST_TEST(codeOf(create(line("NUT", "120", "EA"))) ==
               ErrorCode::InvalidArgument);  // not a multiple of 50
    BOOST_TEST(codeOf(create(line("BOLT", "0", "EA"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(create(line("BOLT", "1", "EA", "-1", "refund"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(create(line("NUT", "1", "BX")).ok());
}

BOOST_AUTO_TEST_CASE(create_checks_customer_role_and_dates) {
    World w;
    NewQuote input{"ACME", std::nullopt, {line("BOLT", "1", "EA")}, "", ""};
    auto created = w.quote_service.create(w.rep, input);
    BOOST_REQUIRE(created.ok());
    BOOST_TEST(created->valid_until == date(2026, 4, 9));  // today + 30 days
    BOOST_TEST(codeOf(w.quote_service.create(w.buyer, input)) == ErrorCode::PermissionDenied);
    input.valid_until = date(2026, 3, 9);
    BOOST_TEST(codeOf(w.quote_service.create(w.rep, input)) == ErrorCode::InvalidArgument);
    input.valid_until = date(2026, 3, 10);  // today is fine
    BOOST_TEST(w.quote_service.create(w.rep, input).ok());
    input.customer_id = "NOBODY";
    BOOST_TEST(codeOf(w.quote_service.create(w.rep, input)) == ErrorCode::NotFound);
}

BOOST_AUTO_TEST_CASE(buyer_cannot_approve_and_rep_cannot_approve_own_quote) {
    World w;
    const Quote quote = w.draft({line("WIDGET", "1", "EA", "80", "match competitor")});
    auto submitted = w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit);
    BOOST_REQUIRE(submitted.ok());
    BOOST_TEST(submitted->status == QuoteStatus::PendingApproval);
    for (const Caller& caller : {w.buyer, w.buyer_admin, w.rep, w.rep2, w.admin}) {
        BOOST_TEST(codeOf(w.quote_service.perform(caller, quote.id, QuoteAction::Approve)) ==
                   ErrorCode::PermissionDenied);
        BOOST_TEST(codeOf(w.quote_service.perform(caller, quote.id, QuoteAction::Reject,
                                                  {"no", std::nullopt})) == ErrorCode::PermissionDenied);
    }
    BOOST_TEST(codeOf(w.quote_service.perform(w.other_buyer, quote.id, QuoteAction::Approve)) ==
               ErrorCode::PermissionDenied);
    auto approved =
        w.quote_service.perform(w.manager, quote.id, QuoteAction::Approve, {"ok once", std::nullopt});
    BOOST_REQUIRE(approved.ok());
    BOOST_TEST(approved->status == QuoteStatus::Approved);
    BOOST_TEST(approved->transitions.back().by_user == 20);
    BOOST_TEST(approved->transitions.back().note == "ok once");
}

BOOST_AUTO_TEST_CASE(a_manager_never_approves_a_quote_they_own_or_submitted) {
    World w;
    auto own = w.quote_service.create(
        w.manager, NewQuote{"ACME", std::nullopt, {line("WIDGET", "1", "EA", "70", "strategic")}, "", ""});
    BOOST_REQUIRE(own.ok());
    BOOST_REQUIRE(w.quote_service.perform(w.manager, own->id, QuoteAction::Submit).ok());
    BOOST_TEST(codeOf(w.quote_service.perform(w.manager, own->id, QuoteAction::Approve)) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(w.quote_service.perform(w.manager2, own->id, QuoteAction::Approve).ok());

    const Quote reps = w.draft({line("WIDGET", "1", "EA", "70", "strategic")});
    BOOST_REQUIRE(
        w.quote_service.perform(w.manager, reps.id, QuoteAction::Submit).ok());  // submitted for the rep
    BOOST_TEST(codeOf(w.quote_service.perform(w.manager, reps.id, QuoteAction::Approve)) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(w.quote_service.perform(w.manager2, reps.id, QuoteAction::Approve).ok());
}

BOOST_AUTO_TEST_CASE(reject_needs_a_note_and_returns_to_draft) {
    World w;
    const Quote quote = w.draft({line("WIDGET", "1", "EA", "50", "clearance")});
    BOOST_REQUIRE(w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit).ok());
    BOOST_TEST(codeOf(w.quote_service.perform(w.manager, quote.id, QuoteAction::Reject)) ==
               ErrorCode::InvalidArgument);
    auto rejected =
        w.quote_service.perform(w.manager, quote.id, QuoteAction::Reject, {"too low", std::nullopt});
    BOOST_REQUIRE(rejected.ok());
    BOOST_TEST(rejected->status == QuoteStatus::Draft);
    BOOST_TEST(rejected->transitions.back().note == "too low");
}

BOOST_AUTO_TEST_CASE(other_company_sees_nothing) {
    World w;
    const Quote quote = w.quoteIn(QuoteStatus::Sent);
    BOOST_TEST(codeOf(w.quote_service.get(w.other_buyer, quote.id)) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.quote_service.perform(w.other_buyer, quote.id, QuoteAction::Accept)) ==
               ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.quote_service.perform(w.other_buyer, quote.id, QuoteAction::Decline)) ==
               ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.quote_service.getVersion(w.other_buyer, quote.id, 1)) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.quote_service.diff(w.other_buyer, quote.id, 1, 1)) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.quote_service.orderRequest(w.other_buyer, quote.id, "")) == ErrorCode::NotFound);
    // The same answer as for a quote that does not exist.
    BOOST_TEST(codeOf(w.quote_service.get(w.buyer, 999)) == ErrorCode::NotFound);
    BOOST_TEST(w.quote_service.get(w.buyer, quote.id).ok());
    BOOST_TEST(codeOf(w.quote_service.get(w.partner, quote.id)) == ErrorCode::PermissionDenied);
}

BOOST_AUTO_TEST_CASE(roles_per_action) {
    World w;
    const Quote draft = w.quoteIn(QuoteStatus::Draft);
    BOOST_TEST(codeOf(w.quote_service.perform(w.buyer, draft.id, QuoteAction::Submit)) ==
               ErrorCode::PermissionDenied);
    const Quote sent = w.quoteIn(QuoteStatus::Sent);
    BOOST_TEST(codeOf(w.quote_service.perform(w.rep, sent.id, QuoteAction::Accept)) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(codeOf(w.quote_service.perform(w.buyer, sent.id, QuoteAction::Revise)) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(w.quote_service.perform(w.buyer_admin, sent.id, QuoteAction::Accept).ok());
}

BOOST_AUTO_TEST_CASE(send_emits_quote_sent) {
    World w;
    const Quote quote = w.quoteIn(QuoteStatus::Approved);
    auto sent = w.quote_service.perform(w.rep, quote.id, QuoteAction::Send);
    BOOST_REQUIRE(sent.ok());
    BOOST_REQUIRE(w.quotes.events().size() == 1U);
    const OutboxEvent& event = w.quotes.events()[0];
    BOOST_TEST(toString(event.type) == "quote.sent");
    BOOST_TEST(event.aggregate_type == "quote");
    BOOST_TEST(event.aggregate_id == quote.id);
    BOOST_TEST(event.customer_id == "ACME");
    BOOST_TEST(*event.attribute("number") == quote.number);
    BOOST_TEST(*event.attribute("version") == "1");
    BOOST_TEST(*event.attribute("valid_until") == "2026-04-30");
}

BOOST_AUTO_TEST_CASE(request_for_quote_becomes_a_draft_for_the_customers_rep) {
    World w;
    QuoteLineInput wanted = line("BOLT", "500", "EA", "0.01", "ignored");
    wanted.target_price = dec("0.85");
    auto quote = w.quote_service.requestQuote(w.buyer, QuoteRequest{{wanted}, "for the spring build"});
    BOOST_REQUIRE_MESSAGE(quote.ok(), describe(quote));
    BOOST_TEST(quote->status == QuoteStatus::Draft);
    BOOST_TEST(quote->customer_id == "ACME");
    BOOST_TEST(quote->rep_id == 10);
    BOOST_TEST(quote->requested_by == 30);
    BOOST_TEST(quote->lines[0].unit_price == dec("1"));  // buyers do not set prices
    BOOST_TEST(*quote->lines[0].target_price == dec("0.85"));
    BOOST_TEST(quote->transitions[0].note == "request for quote");
    BOOST_TEST(codeOf(w.quote_service.requestQuote(w.rep, QuoteRequest{{wanted}, ""})) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(codeOf(w.quote_service.requestQuote(w.buyer, QuoteRequest{})) == ErrorCode::InvalidArgument);

    // The rep answers: the buyer's target stays on the line.
    QuoteEdit edit;
    edit.lines = std::vector<QuoteLineInput>{line("BOLT", "500", "EA", "0.90", "volume")};
    auto edited = w.quote_service.edit(w.rep, quote->id, edit);
    BOOST_REQUIRE(edited.ok());
    BOOST_TEST(*edited->lines[0].target_price == dec("0.85"));
    BOOST_TEST(edited->lines[0].unit_price == dec("0.9"));
}

BOOST_AUTO_TEST_CASE(unassigned_request_is_taken_by_the_first_rep) {
    World w;
    w.customers.at("ACME").rep_id = 0;
    auto quote = w.quote_service.requestQuote(w.buyer, QuoteRequest{{line("BOLT", "5", "EA")}, ""});
    BOOST_REQUIRE(quote.ok());
    BOOST_TEST(quote->rep_id == 0);
    QuoteEdit edit;
    edit.notes = "looking into it";
    auto edited = w.quote_service.edit(w.rep2, quote->id, edit);
    BOOST_REQUIRE(edited.ok());
    BOOST_TEST(edited->rep_id == 11);
}

BOOST_AUTO_TEST_CASE(edit_only_drafts) {
    World w;
    const Quote sent = w.quoteIn(QuoteStatus::Sent);
    QuoteEdit edit;
    edit.notes = "x";
    BOOST_TEST(codeOf(w.quote_service.edit(w.rep, sent.id, edit)) == ErrorCode::FailedPrecondition);
    BOOST_TEST(codeOf(w.quote_service.edit(w.buyer, sent.id, edit)) == ErrorCode::PermissionDenied);
}

BOOST_AUTO_TEST_CASE(stale_writes_conflict) {
    World w;
    const Quote quote = w.draft({line("BOLT", "1", "EA")});
    QuoteEdit edit;
    edit.notes = "first";
    auto first = w.quote_service.edit(w.rep, quote.id, edit, quote.row_version);
    BOOST_REQUIRE(first.ok());
    BOOST_TEST(first->row_version == 2);
    edit.notes = "second, from a stale page";
    BOOST_TEST(codeOf(w.quote_service.edit(w.rep2, quote.id, edit, quote.row_version)) ==
               ErrorCode::Conflict);
    BOOST_TEST(codeOf(w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit, {"", 1})) ==
               ErrorCode::Conflict);
    // Another instance writes between our read and our write.
    w.quotes.loseNextRace();
    BOOST_TEST(codeOf(w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit)) == ErrorCode::Conflict);
    auto stored = w.quotes.find(quote.id, std::nullopt);
    BOOST_TEST(stored->notes == "first");
    BOOST_TEST(stored->status == QuoteStatus::Draft);
}

BOOST_AUTO_TEST_CASE(revise_locks_the_old_version) {
    World w;
    const Quote quote = w.draft({line("WIDGET", "2", "EA"), line("BOLT", "10", "EA")});
    BOOST_REQUIRE(w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit).ok());
    BOOST_REQUIRE(w.quote_service.perform(w.rep, quote.id, QuoteAction::Send).ok());
    BOOST_REQUIRE(
        w.quote_service.perform(w.buyer, quote.id, QuoteAction::Decline, {"too dear", std::nullopt}).ok());
    auto revised =
        w.quote_service.perform(w.rep, quote.id, QuoteAction::Revise, {"second round", std::nullopt});
    BOOST_REQUIRE(revised.ok());
    BOOST_TEST(revised->version == 2);
    BOOST_TEST(revised->status == QuoteStatus::Draft);
    BOOST_TEST(revised->lines == quote.lines);

    QuoteEdit edit;
    edit.lines = std::vector<QuoteLineInput>{line("WIDGET", "3", "EA", "92", "3 or more")};
    edit.valid_until = date(2026, 5, 15);
    BOOST_REQUIRE(w.quote_service.edit(w.rep, quote.id, edit).ok());

    auto v1 = w.quote_service.getVersion(w.buyer, quote.id, 1);
    BOOST_REQUIRE(v1.ok());
    BOOST_TEST(v1->status == QuoteStatus::Declined);
    BOOST_TEST(v1->lines == quote.lines);  // locked: the edit of v2 did not touch it
    BOOST_TEST(v1->valid_until == date(2026, 4, 30));
    auto v2 = w.quote_service.getVersion(w.buyer, quote.id, 2);
    BOOST_REQUIRE(v2.ok());
    BOOST_TEST(v2->lines.size() == 1U);
    BOOST_TEST(codeOf(w.quote_service.getVersion(w.buyer, quote.id, 3)) == ErrorCode::NotFound);

    auto diff = w.quote_service.diff(w.rep, quote.id, 1, 2);
    BOOST_REQUIRE(diff.ok());
    BOOST_TEST(diff->removed.size() == 1U);
    BOOST_TEST(diff->removed[0].sku == "BOLT");
    BOOST_REQUIRE(diff->changed.size() == 1U);
    BOOST_TEST(diff->changed[0].changes.size() == 3U);  // quantity, unit_price, reason
    BOOST_TEST(diff->terms.size() == 2U);               // valid_until, total

    auto stored = w.quotes.find(quote.id, std::nullopt);
    BOOST_TEST(stored->transitions.size() == 5U);  // create, submit, send, decline, revise
    BOOST_TEST(stored->transitions.back().version == 1);
}

BOOST_AUTO_TEST_CASE(ordering_an_accepted_quote_locks_its_prices) {
    World w;
    const Quote quote =
        w.draft({line("WIDGET", "2", "EA", "91", "loyal customer"), line("BOLT", "24", "EA")});
    for (auto [caller, action] : {std::pair{w.rep, QuoteAction::Submit}, std::pair{w.rep, QuoteAction::Send},
                                  std::pair{w.buyer, QuoteAction::Accept}}) {
        BOOST_REQUIRE(w.quote_service.perform(caller, quote.id, action).ok());
    }
    w.pricer.set("WIDGET", "EA", dec("120"));  // list prices moved since
    BOOST_TEST(
        w.order_service.place(w.buyer, *w.quote_service.orderRequest(w.buyer, quote.id, "")).error->code ==
        ErrorCode::InvalidArgument);  // locked prices only through the quote's order action

    auto placed = w.order_service.placeFromQuote(w.buyer, w.quote_service, quote.id, "");
    BOOST_REQUIRE_MESSAGE(placed.created(), (placed.error ? placed.error->describe() : "no order"));
    const Order& order = *placed.order;
    BOOST_TEST(order.source == OrderSource::Quote);
    BOOST_TEST(order.po_number == "Q-000001-v1");
    BOOST_TEST(order.lines[0].unit_price == dec("91"));
    BOOST_TEST(order.lines[0].explanation == "quote Q-000001 v1");
    BOOST_TEST(order.total == dec("206"));
    BOOST_TEST(order.quote->version == 1);
    auto stored = w.quotes.find(quote.id, std::nullopt);
    BOOST_TEST(stored->status == QuoteStatus::Ordered);
    BOOST_TEST(*stored->order_id == order.id);
    auto again = w.order_service.placeFromQuote(w.buyer, w.quote_service, quote.id, "");
    BOOST_TEST(again.error->code == ErrorCode::FailedPrecondition);
}

BOOST_AUTO_TEST_CASE(ordering_retry_after_a_crash_marks_the_quote) {
    World w;
    Quote quote = w.quoteIn(QuoteStatus::Accepted);
    auto request = w.quote_service.orderRequest(w.buyer, quote.id, "PO-77");
    BOOST_REQUIRE(request.ok());
    // First attempt stored the order, then died before marking the quote.
    auto first = w.order_service.placeFromQuote(w.buyer, w.quote_service, quote.id, "PO-77");
    BOOST_REQUIRE(first.created());
    quote = *w.quotes.find(quote.id, std::nullopt);
    quote.status = QuoteStatus::Accepted;
    quote.row_version += 1;
    w.quotes.put(quote);
    auto retry = w.order_service.placeFromQuote(w.buyer, w.quote_service, quote.id, "PO-77");
    BOOST_REQUIRE(retry.order.has_value());
    BOOST_TEST(!retry.duplicate);
    BOOST_TEST(retry.order->id == first.order->id);
    BOOST_TEST(w.quotes.find(quote.id, std::nullopt)->status == QuoteStatus::Ordered);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
