#include "crossdock/edi/maps/inbound.h"

#include <algorithm>

namespace crossdock::edi::maps {
namespace {

bool anyError(const std::vector<x12::Issue>& issues) {
    return std::any_of(issues.begin(), issues.end(), [](const x12::Issue& issue) { return issue.isError(); });
}

// Builds the InboundDocument from the parser's events and runs the 850 map.
class InboundCollector : public x12::EnvelopeHandler {
public:
    InboundCollector(InboundDocument& document, const PartnerMapping& mapping, PurchaseOrderOptions options)
        : document_(document), mapper_(mapping, options) {}

    void onInterchangeStart(const x12::InterchangeInfo& info, const x12::Segment& /*isa*/) override {
        document_.interchanges.push_back(InboundInterchange{info, {}, {}, {}});
        interchange_open_ = true;
    }
    void onGroupStart(const x12::GroupInfo& info, const x12::Segment& /*gs*/) override {
        document_.interchanges.back().groups.push_back(InboundGroup{info, {}, {}, {}});
        group_open_ = true;
    }
    void onTransactionStart(const x12::TransactionInfo& info, const x12::Segment& /*st*/) override {
        auto& interchange = document_.interchanges.back();
        auto& group = interchange.groups.back();
        group.transactions.push_back(InboundTransaction{info, {}, {}, std::nullopt});
        transaction_open_ = true;
        // Issues of the ST itself (ST02 repeated, ST01 invalid) arrive before this event.
        for (auto& issue : pending_) {
            if (issue.location.transaction_control == info.control_number) {
                group.transactions.back().issues.push_back(std::move(issue));
            } else {
                group.issues.push_back(std::move(issue));
            }
        }
        pending_.clear();
        mapping_ = info.set_id == "850";
        if (mapping_) mapper_.begin(interchange.info, group.info, info);
    }
    void onSegment(const x12::Segment& segment, std::size_t position) override {
        if (mapping_) mapper_.segment(segment, position);
    }
    void onTransactionEnd(const x12::TransactionInfo& /*info*/, const x12::Segment* se,
                          const x12::TransactionResult& result) override {
        auto& transaction = document_.interchanges.back().groups.back().transactions.back();
        transaction.result = result;
        transaction_open_ = false;
        if (!mapping_) return;
        mapping_ = false;
        auto mapped = mapper_.finish(se != nullptr ? result.segment_count : result.segment_count + 1);
        for (auto& issue : mapped.issues) transaction.issues.push_back(std::move(issue));
        if (mapped.order && result.accepted && !anyError(transaction.issues))
            transaction.purchase_order = std::move(mapped.order);
    }
    void onGroupEnd(const x12::GroupInfo& /*info*/, const x12::Segment* /*ge*/,
                    const x12::GroupResult& result) override {
        auto& group = document_.interchanges.back().groups.back();
        group.result = result;
        for (auto& issue : pending_) group.issues.push_back(std::move(issue));
        pending_.clear();
        group_open_ = false;
    }
    void onInterchangeEnd(const x12::InterchangeInfo& /*info*/, const x12::Segment* /*iea*/,
                          const x12::InterchangeResult& result) override {
        document_.interchanges.back().result = result;
        interchange_open_ = false;
    }
    void onIssue(const x12::Issue& issue) override {
        const x12::Scope scope = issue.scope();
        const bool inner =
            scope == x12::Scope::Transaction || scope == x12::Scope::Segment || scope == x12::Scope::Element;
        if (inner && transaction_open_) {
            document_.interchanges.back().groups.back().transactions.back().issues.push_back(issue);
        } else if (inner && group_open_) {
            pending_.push_back(issue);
        } else if (scope == x12::Scope::Group && group_open_) {
            document_.interchanges.back().groups.back().issues.push_back(issue);
        } else if (interchange_open_) {
            document_.interchanges.back().issues.push_back(issue);
        } else {
            document_.loose_issues.push_back(issue);
        }
    }

private:
    InboundDocument& document_;
    PurchaseOrderMapper mapper_;
    bool interchange_open_ = false;
    bool group_open_ = false;
    bool transaction_open_ = false;
    bool mapping_ = false;
    std::vector<x12::Issue> pending_;  // set-level issues seen before their set's start
};

}  // namespace

bool InboundTransaction::accepted() const { return result.accepted && !anyError(issues); }

std::size_t InboundGroup::acceptedCount() const {
    return static_cast<std::size_t>(std::count_if(transactions.begin(), transactions.end(),
                                                  [](const InboundTransaction& t) { return t.accepted(); }));
}

std::vector<const PurchaseOrder*> InboundDocument::purchaseOrders() const {
    std::vector<const PurchaseOrder*> out;
    for (const auto& interchange : interchanges)
        for (const auto& group : interchange.groups)
            for (const auto& transaction : group.transactions)
                if (transaction.purchase_order) out.push_back(&*transaction.purchase_order);
    return out;
}

bool InboundDocument::clean() const {
    if (summary.errors != 0 || anyError(loose_issues)) return false;
    for (const auto& interchange : interchanges)
        for (const auto& group : interchange.groups)
            for (const auto& transaction : group.transactions)
                if (!transaction.accepted()) return false;
    return true;
}

InboundDocument readInbound(std::string_view bytes, const PartnerMapping& mapping,
                            PurchaseOrderOptions options, x12::ParseOptions parse_options) {
    InboundDocument document;
    InboundCollector collector(document, mapping, options);
    x12::InterchangeParser parser(collector, parse_options);
    document.summary = parser.parse(bytes);
    return document;
}

core::Result<PurchaseOrderResult> mapFirstPurchaseOrder(std::string_view bytes, const PartnerMapping& mapping,
                                                        PurchaseOrderOptions options) {
    InboundDocument document = readInbound(bytes, mapping, options);
    for (auto& interchange : document.interchanges) {
        for (auto& group : interchange.groups) {
            for (auto& transaction : group.transactions) {
                if (transaction.info.set_id != "850") continue;
                PurchaseOrderResult result;
                result.order = std::move(transaction.purchase_order);
                for (const auto& issue : interchange.issues) result.issues.push_back(issue);
                for (const auto& issue : group.issues) result.issues.push_back(issue);
                for (auto& issue : transaction.issues) result.issues.push_back(std::move(issue));
                if (anyError(result.issues)) result.order.reset();
                return result;
            }
        }
    }
    return core::makeError(core::ErrorCode::InvalidArgument, "the input holds no 850 transaction set");
}

}  // namespace crossdock::edi::maps
