#pragma once

// Helpers shared by the X12 tests: reading test files, a handler that records what
// the parser reports, and a deterministic generator of 850 interchanges.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crossdock/edi/x12/interchange_parser.h"

namespace crossdock::edi::x12::testing {

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

inline std::filesystem::path testData() { return std::filesystem::path(CROSSDOCK_X12_TEST_DATA); }

/// Records events as short strings ("ISA 000000001", "ST 850 0001", "SEG PO1 3",
/// "SE 6 accepted") and every issue.
class RecordingHandler : public EnvelopeHandler {
public:
    std::vector<std::string> events;
    std::vector<Issue> issues;
    std::vector<TransactionResult> transactions;
    std::vector<GroupResult> groups;
    std::vector<InterchangeResult> interchanges;

    void onInterchangeStart(const InterchangeInfo& info, const Segment&) override {
        events.push_back("ISA " + info.control_number);
    }
    void onGroupStart(const GroupInfo& info, const Segment&) override {
        events.push_back("GS " + info.control_number);
    }
    void onTransactionStart(const TransactionInfo& info, const Segment&) override {
        events.push_back("ST " + info.set_id + " " + info.control_number);
    }
    void onSegment(const Segment& segment, std::size_t position) override {
        events.push_back("SEG " + std::string(segment.id()) + " " + std::to_string(position));
    }
    void onTransactionEnd(const TransactionInfo&, const Segment* se,
                          const TransactionResult& result) override {
        events.push_back(std::string(se ? "SE" : "SE missing") +
                         (result.accepted ? " accepted" : " rejected"));
        transactions.push_back(result);
    }
    void onGroupEnd(const GroupInfo&, const Segment* ge, const GroupResult& result) override {
        events.push_back(ge ? "GE" : "GE missing");
        groups.push_back(result);
    }
    void onInterchangeEnd(const InterchangeInfo&, const Segment* iea,
                          const InterchangeResult& result) override {
        events.push_back(iea ? "IEA" : "IEA missing");
        interchanges.push_back(result);
    }
    void onIssue(const Issue& issue) override { issues.push_back(issue); }
};

/// Builds 850 interchanges in pieces, deterministically: one ISA/GS, then as many
/// transaction sets of `lines` PO1 lines as asked, then GE/IEA with correct counts.
class PurchaseOrderGenerator {
public:
    explicit PurchaseOrderGenerator(std::size_t lines = 20) : lines_(lines) {}

    std::string header() const {
        return "ISA*00*          *00*          *ZZ*BUYER          *ZZ*CROSSDOCK      *240115*1200*^*00501*"
               "000000001*0*P*:~\nGS*PO*BUYER*CROSSDOCK*20240115*1200*1*X*005010~\n";
    }

    std::string transaction() {
        const std::size_t n = ++sets_;
        char control[16];
        std::snprintf(control, sizeof control, "%04zu", n);
        std::string text = "ST*850*" + std::string(control) + "~\nBEG*00*SA*PO" + std::to_string(n) +
                           "**20240115~\nREF*DP*038~\nN1*ST*ACME STORE " + std::to_string(n % 97) +
                           "*92*0042~\nN3*100 MAIN ST~\nN4*SPRINGFIELD*IL*62701~\n";
        for (std::size_t line = 1; line <= lines_; ++line) {
            state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
            const auto qty = 1 + (state_ >> 33) % 500;
            const auto cents = 100 + (state_ >> 17) % 99900;
            text += "PO1*" + std::to_string(line) + "*" + std::to_string(qty) + "*EA*" +
                    std::to_string(cents / 100) + "." + std::to_string(cents % 100 / 10) +
                    std::to_string(cents % 10) + "**VP*SKU-" + std::to_string((state_ >> 40) % 100000) +
                    "*UP*0001234" + std::to_string(10000 + (state_ >> 20) % 90000) +
                    "~\nPID*F****WIDGET:BLUE~\n";
        }
        text += "CTT*" + std::to_string(lines_) + "~\n";
        const std::size_t segments = 7 + 2 * lines_ + 1;
        text += "SE*" + std::to_string(segments) + "*" + control + "~\n";
        return text;
    }

    std::string trailer() const { return "GE*" + std::to_string(sets_) + "*1~\nIEA*1*000000001~\n"; }
    std::size_t sets() const { return sets_; }

private:
    std::size_t lines_;
    std::size_t sets_ = 0;
    std::uint64_t state_ = 42;
};

}  // namespace crossdock::edi::x12::testing
