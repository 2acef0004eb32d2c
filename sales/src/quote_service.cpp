#include "crossdock/sales/quote_service.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "crossdock/accounts/authorization.h"
#include "support.h"

namespace crossdock::sales {
namespace {

using accounts::Action;
using accounts::authorize;
using core::Decimal;
using core::ErrorCode;
using core::makeError;

std::string lineWhere(std::size_t index) { return "$.lines[" + std::to_string(index) + "]"; }

core::Status checkValidUntil(core::Date valid_until, core::Date today) {
    if (valid_until < today) {
        return makeError(ErrorCode::InvalidArgument,
                         "valid_until " + valid_until.toString() + " is in the past", "$.valid_until");
    }
    return {};
}

}  // namespace

QuoteService::QuoteService(QuoteRepository& quotes, IdSequence& ids, const ItemLookup& items,
                           const LinePricer& pricer, const CustomerDirectory& customers,
                           const core::Clock& clock, QuoteOptions options)
    : quotes_(quotes),
      ids_(ids),
      items_(items),
      pricer_(pricer),
      customers_(customers),
      clock_(clock),
      options_(std::move(options)) {}

core::Date QuoteService::today() const { return core::Date::fromTimePoint(clock_.now()); }

core::Result<Quote> QuoteService::load(const accounts::Caller& caller, std::int64_t id) const {
    auto quote = quotes_.find(id, caller.scope());
    if (!quote) return makeError(ErrorCode::NotFound, "quote " + std::to_string(id) + " not found");
    return std::move(*quote);
}

core::Result<std::vector<QuoteLine>> QuoteService::priceLines(const std::string& customer_id,
                                                              const std::string& currency_code,
                                                              const std::vector<QuoteLineInput>& inputs,
                                                              core::Date date) const {
    auto currency = detail::currencyOf(currency_code);
    if (!currency) return currency.takeError();
    std::vector<QuoteLine> lines;
    lines.reserve(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const QuoteLineInput& input = inputs[i];
        const std::string where = lineWhere(i);
        auto checked =
            detail::checkItemLine(items_, customer_id, input.sku, input.quantity, input.uom, where);
        if (!checked) return checked.takeError();
        auto priced = pricer_.price(customer_id, checked->facts.sku, input.uom, input.quantity, date);
        if (!priced) {
            core::Error error = priced.takeError();
            error.where = where;
            return error;
        }
        if (priced->currency != currency_code) {
            return makeError(ErrorCode::Internal,
                             "priced in " + priced->currency + ", quote is in " + currency_code, where);
        }
        QuoteLine line;
        line.line_no = static_cast<int>(i + 1);
        line.sku = checked->facts.sku;
        line.quantity = input.quantity;
        line.uom = input.uom;
        line.list_price = priced->unit_price;
        line.unit_price = input.unit_price.value_or(priced->unit_price);
        line.explanation = std::move(priced->explanation);
        line.target_price = input.target_price;
        if (line.unit_price < Decimal{} || (line.target_price && *line.target_price < Decimal{})) {
            return makeError(ErrorCode::InvalidArgument, "prices cannot be negative", where + ".unit_price");
        }
        if (line.unit_price != line.list_price) {
            if (input.reason.empty()) {
                return makeError(ErrorCode::InvalidArgument,
                                 "a reason is required for a price other than the list price " +
                                     line.list_price.toString(),
                                 where + ".reason");
            }
            line.reason = input.reason;
        }
        if (checked->facts.cost) {
            auto factor = checked->facts.units.factor(input.uom);
            auto cost = Decimal::multiply(*checked->facts.cost, factor.value_or(Decimal::fromInt(1)));
            if (!cost) return cost.takeError();
            line.cost = *cost;
        }
        auto extended = detail::extendedAmount(line.unit_price, line.quantity, *currency);
        if (!extended) return extended.takeError();
        line.extended = *extended;
        lines.push_back(std::move(line));
    }
    return lines;
}

core::Status QuoteService::save(Quote& quote, const std::optional<QuoteVersion>& archived,
                                const std::vector<OutboxEvent>& events) {
    const std::int64_t expected = quote.row_version;
    quote.row_version = expected + 1;
    auto status = quotes_.update(quote, expected, archived, events);
    if (!status) quote.row_version = expected;
    return status;
}

core::Result<Quote> QuoteService::createDraft(const CustomerFacts& customer, std::int64_t rep_id,
                                              std::int64_t requested_by, core::Date valid_until,
                                              const std::vector<QuoteLineInput>& inputs, std::string notes,
                                              std::string terms, std::int64_t by_user) {
    auto lines = priceLines(customer.id, customer.currency, inputs, today());
    if (!lines) return lines.takeError();
    auto total = detail::sumExtended(*lines);
    if (!total) return total.takeError();

    Quote quote;
    quote.id = ids_.next("quote");
    quote.number = formatQuoteNumber(quote.id);
    quote.customer_id = customer.id;
    quote.rep_id = rep_id;
    quote.requested_by = requested_by;
    quote.currency = customer.currency;
    quote.valid_until = valid_until;
    quote.lines = std::move(*lines);
    quote.notes = std::move(notes);
    quote.terms = std::move(terms);
    quote.total = *total;
    quote.created_at = clock_.now();
    quote.transitions.push_back(QuoteTransition{QuoteAction::Create, QuoteStatus::Draft, QuoteStatus::Draft,
                                                1, by_user, quote.created_at,
                                                requested_by != 0 ? "request for quote" : ""});
    if (auto status = quotes_.create(quote, {}); !status) return status.takeError();
    return quote;
}

core::Result<Quote> QuoteService::create(const accounts::Caller& caller, const NewQuote& input) {
    if (auto status = authorize(caller, Action::WriteQuotes); !status) return status.takeError();
    auto customer = customers_.find(input.customer_id);
    if (!customer) {
        return makeError(ErrorCode::NotFound, "customer '" + input.customer_id + "' not found",
                         "$.customer_id");
    }
    const core::Date valid_until =
        input.valid_until.value_or(today().addDays(options_.default_validity_days));
    if (auto status = checkValidUntil(valid_until, today()); !status) return status.takeError();
    return createDraft(*customer, caller.user_id, 0, valid_until, input.lines, input.notes, input.terms,
                       caller.user_id);
}

core::Result<Quote> QuoteService::requestQuote(const accounts::Caller& caller, const QuoteRequest& input) {
    if (!accounts::isBuyer(caller.role) || !caller.company_id) {
        return makeError(ErrorCode::PermissionDenied, "only buyers request quotes");
    }
    auto customer = customers_.find(*caller.company_id);
    if (!customer) return makeError(ErrorCode::NotFound, "customer '" + *caller.company_id + "' not found");
    if (input.lines.empty()) {
        return makeError(ErrorCode::InvalidArgument, "a request for quote needs at least one line",
                         "$.lines");
    }
    std::vector<QuoteLineInput> lines = input.lines;
    for (QuoteLineInput& line : lines) {
        line.unit_price.reset();  // buyers ask; only reps propose prices
        line.reason.clear();
    }
    return createDraft(*customer, customer->rep_id, caller.user_id,
                       today().addDays(options_.default_validity_days), lines, input.notes, "",
                       caller.user_id);
}

core::Result<Quote> QuoteService::edit(const accounts::Caller& caller, std::int64_t id, const QuoteEdit& edit,
                                       std::optional<std::int64_t> if_match) {
    if (auto status = authorize(caller, Action::WriteQuotes); !status) return status.takeError();
    auto quote = load(caller, id);
    if (!quote) return quote;
    if (auto status = detail::checkIfMatch(quote->row_version, if_match); !status) return status.takeError();
    if (quote->status != QuoteStatus::Draft) {
        return makeError(ErrorCode::FailedPrecondition,
                         "only a draft can be edited; quote is " + std::string(toString(quote->status)));
    }
    if (edit.valid_until) {
        if (auto status = checkValidUntil(*edit.valid_until, today()); !status) return status.takeError();
        quote->valid_until = *edit.valid_until;
    }
    if (edit.lines) {
        // A rep rewriting the lines of a request for quote keeps the buyer's targets.
        std::unordered_map<std::string, Decimal> targets;
        for (const QuoteLine& line : quote->lines) {
            if (line.target_price) targets.emplace(line.sku, *line.target_price);
        }
        std::vector<QuoteLineInput> inputs = *edit.lines;
        for (QuoteLineInput& input : inputs) {
            auto it = targets.find(input.sku);
            if (!input.target_price && it != targets.end()) input.target_price = it->second;
        }
        auto lines = priceLines(quote->customer_id, quote->currency, inputs, today());
        if (!lines) return lines.takeError();
        auto total = detail::sumExtended(*lines);
        if (!total) return total.takeError();
        quote->lines = std::move(*lines);
        quote->total = *total;
    }
    if (edit.notes) quote->notes = *edit.notes;
    if (edit.terms) quote->terms = *edit.terms;
    if (quote->rep_id == 0 && caller.role == accounts::Role::SalesRep) quote->rep_id = caller.user_id;
    if (auto status = save(*quote, std::nullopt, {}); !status) return status.takeError();
    return quote;
}

core::Result<Quote> QuoteService::get(const accounts::Caller& caller, std::int64_t id) const {
    if (auto status = authorize(caller, Action::ReadQuotes); !status) return status.takeError();
    return load(caller, id);
}

core::Result<std::vector<Quote>> QuoteService::list(const accounts::Caller& caller, QuoteQuery query) const {
    if (auto status = authorize(caller, Action::ReadQuotes); !status) return status.takeError();
    query.scope = caller.scope();
    return quotes_.list(query);
}

core::Result<QuoteVersion> QuoteService::getVersion(const accounts::Caller& caller, std::int64_t id,
                                                    int version) const {
    auto quote = get(caller, id);
    if (!quote) return quote.takeError();
    if (version == quote->version) return quote->currentVersion();
    auto archived = quotes_.findVersion(id, version, caller.scope());
    if (!archived) {
        return makeError(ErrorCode::NotFound,
                         "quote " + quote->number + " has no version " + std::to_string(version));
    }
    return std::move(*archived);
}

core::Result<QuoteDiff> QuoteService::diff(const accounts::Caller& caller, std::int64_t id, int from_version,
                                           int to_version) const {
    auto from = getVersion(caller, id, from_version);
    if (!from) return from.takeError();
    auto to = getVersion(caller, id, to_version);
    if (!to) return to.takeError();
    return diffQuoteVersions(*from, *to);
}

}  // namespace crossdock::sales
