#include "x12/parser_run.h"

#include <array>
#include <cstdint>
#include <utility>

#include "x12/segment_batch.h"
#include "x12/text_rules.h"

namespace crossdock::edi::x12::detail {
namespace {

// The envelope segment ids, told apart with a couple of compares (this runs per segment).
enum class Kind { Body, Isa, Iea, Gs, Ge, St, Se };
Kind kindOf(std::string_view id) {
    if (id.size() == 2) {
        if (id[0] == 'S') return id[1] == 'T' ? Kind::St : id[1] == 'E' ? Kind::Se : Kind::Body;
        if (id[0] == 'G') return id[1] == 'S' ? Kind::Gs : id[1] == 'E' ? Kind::Ge : Kind::Body;
        return Kind::Body;
    }
    if (id.size() == 3 && id[0] == 'I') return id == "ISA" ? Kind::Isa : id == "IEA" ? Kind::Iea : Kind::Body;
    return Kind::Body;
}

// A valid segment id that is not an envelope id: one that starts with none of the
// letters of ST, SE, GS, GE, ISA, IEA certainly is not one of them.
// Inline (this runs per segment): the same answer as isValidSegmentId() for such ids.
inline __attribute__((always_inline)) bool isPlainBodyId(std::string_view id) {
    static constexpr auto kTable = [] {
        std::array<std::uint8_t, 256> table{};  // bit 0: letter or digit; bit 1: letter other than S, G, I
        for (int c = 'A'; c <= 'Z'; ++c)
            table[static_cast<std::size_t>(c)] = c == 'S' || c == 'G' || c == 'I' ? 1 : 3;
        for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = 1;
        return table;
    }();
    auto kind = [&](std::size_t i) { return kTable[static_cast<unsigned char>(id[i])]; };
    if (id.size() - 2 > 1) return false;  // neither 2 nor 3 bytes
    // One branch, none on the bytes: for a 2-byte id the last byte is the second one.
    return ((kind(0) >> 1) & kind(1) & kind(id.size() - 1)) != 0;
}

}  // namespace

ParserRun::ParserRun(EnvelopeHandler& handler, const ParseOptions& options, SegmentReader& reader)
    : handler_(handler), options_(options), reader_(reader) {}

ParseSummary ParserRun::run() {
    Segment segment;
    bool pending = false;  // bodyRun() left a segment in `segment`
    for (;;) {
        if (!std::exchange(pending, false) && !reader_.advance(segment)) {
            if (reader_.failed()) {
                add(reader_.failure());
                summary_.fatal = true;
                closeOpen(nullptr, InterchangeCode::NoError);
            } else {
                closeOpen(nullptr, InterchangeCode::PrematureEndOfFile);
            }
            break;
        }
        ++summary_.segments;
        if (level_ == Level::Transaction && segment.terminated() && !segment.repaired() &&
            isPlainBodyId(segment.id())) {  // the hot path: an ordinary segment inside a set
            handler_.onSegment(segment, ++transaction_result_.segment_count);
        } else {
            onOtherSegment(segment);
        }
        // Inside a set (after its ST too): the ordinary segments that follow, in a batch.
        if (level_ == Level::Transaction) pending = bodyRun(segment);
    }
    if (summary_.interchanges == 0 && !summary_.fatal) {
        Issue issue;
        issue.code = InterchangeCode::InvalidControlStructure;
        issue.message = "the input holds no interchange";
        add(std::move(issue));
    }
    summary_.bytes = reader_.bytesConsumed();
    summary_.peak_memory = reader_.peakMemoryFootprint();
    return std::move(summary_);
}

// Any segment but an ordinary one inside a set: its repair warnings, then the envelope
// state machine.
void ParserRun::onOtherSegment(const Segment& segment) {
    if (segment.repaired()) {
        add(elementIssue(segment, 0, InterchangeCode::InvalidContent, ElementCode::InvalidCharacter,
                         "line breaks inside the segment were removed", Severity::Warning));
    }
    if (!segment.terminated()) {
        add(elementIssue(segment, 0, InterchangeCode::PrematureEndOfFile, ElementCode::None,
                         "the input ends before the terminator of the last segment", Severity::Warning));
    }
    dispatch(segment);
}

// The ordinary segments of a set that follow one, cut in a batch from the reader's index
// (a function of its own: its loop keeps its registers). True when it stopped at a
// segment it left in `segment` for run() (an envelope segment or an id to check).
__attribute__((noinline)) bool ParserRun::bodyRun(Segment& segment) {
    const std::size_t before = reader_.segmentIndex();
    // A segment's position in its set follows from its ordinal: no counter in memory.
    const std::size_t delta = transaction_result_.segment_count - before;
    EnvelopeHandler& handler = handler_;
    const bool pending = reader_.advanceMany(
        segment, [](std::string_view id) { return isPlainBodyId(id); },
        [&handler, delta](const Segment& body) { handler.onSegment(body, body.index() + delta); });
    const std::size_t visited =
        reader_.segmentIndex() - before - (pending ? 1 : 0);  // run() counts the pending one
    summary_.segments += visited;
    transaction_result_.segment_count += visited;
    return pending;
}

void ParserRun::add(Issue issue) {
    Location& at = issue.location;
    if (level_ != Level::Outside) {
        at.interchange = interchange_.ordinal;
        at.interchange_control = interchange_.control_number;
    }
    if (level_ == Level::Group || level_ == Level::Transaction) {
        at.functional_id = group_.functional_id;
        at.group_control = group_.control_number;
    }
    if (level_ == Level::Transaction) {
        at.transaction_set_id = transaction_.set_id;
        at.transaction_control = transaction_.control_number;
    }
    if (issue.isError()) {
        ++summary_.errors;
        switch (issue.scope()) {
            case Scope::Interchange:
                interchange_result_.envelope_ok = false;
                break;
            case Scope::Group:
                group_result_.envelope_ok = false;
                break;
            default:
                transaction_result_.accepted = false;
                break;
        }
    } else {
        ++summary_.warnings;
    }
    handler_.onIssue(issue);
    if (summary_.issues.size() < options_.max_issues) {
        summary_.issues.push_back(std::move(issue));
    } else {
        summary_.issues_truncated = true;
    }
}

void ParserRun::dispatch(const Segment& segment) {
    switch (level_) {
        case Level::Outside:
            if (kindOf(segment.id()) == Kind::Isa) {
                startInterchange(segment);
            } else {
                stray(segment, InterchangeCode::InvalidControlStructure,
                      "outside an interchange (after its IEA, before any ISA)");
            }
            return;
        case Level::Interchange:
            onInterchangeLevel(segment);
            return;
        case Level::Group:
            onGroupLevel(segment);
            return;
        case Level::Transaction:
            onTransactionLevel(segment);
            return;
    }
}

void ParserRun::onInterchangeLevel(const Segment& segment) {
    const Kind kind = kindOf(segment.id());
    if (skip_transaction_ && kind != Kind::Isa && kind != Kind::Iea && kind != Kind::Gs) {
        if (kind == Kind::Se) skip_transaction_ = false;
        return;  // the set of a stray ST: reported once, at the ST
    }
    skip_transaction_ = false;
    switch (kind) {
        case Kind::Gs:
            startGroup(segment);
            return;
        case Kind::Iea:
            endInterchange(&segment);
            return;
        case Kind::Isa:
            closeOpen(&segment, InterchangeCode::InvalidControlStructure);
            startInterchange(segment);
            return;
        case Kind::St:
            stray(segment, InterchangeCode::InvalidContent, "outside a functional group (no GS before it)");
            skip_transaction_ = true;
            return;
        default:
            // A TA1 (interchange acknowledgment) belongs between the ISA and the first GS.
            if (segment.id() == "TA1") return;
            stray(segment, InterchangeCode::InvalidContent, "outside a functional group");
            return;
    }
}

void ParserRun::onGroupLevel(const Segment& segment) {
    switch (kindOf(segment.id())) {
        case Kind::St:
            startTransaction(segment);
            return;
        case Kind::Ge:
            endGroup(&segment);
            return;
        case Kind::Gs:
        case Kind::Iea:
        case Kind::Isa:
            closeOpen(&segment, InterchangeCode::InvalidControlStructure);
            dispatch(segment);
            return;
        default:
            stray(segment, InterchangeCode::InvalidContent, "outside a transaction set");
            return;
    }
}

void ParserRun::onTransactionLevel(const Segment& segment) {
    const Kind kind = kindOf(segment.id());
    if (kind == Kind::Body) {
        const std::size_t position = ++transaction_result_.segment_count;
        if (!isValidSegmentId(segment.id())) {
            add(elementIssue(segment, 0, SegmentCode::UnrecognizedSegmentId, ElementCode::None,
                             "'" + std::string(segment.id()) + "' is not a segment id", Severity::Error,
                             position));
        }
        handler_.onSegment(segment, position);
        return;
    }
    if (kind == Kind::Se) {
        ++transaction_result_.segment_count;
        endTransaction(&segment);
        return;
    }
    closeOpen(&segment, InterchangeCode::InvalidControlStructure);
    dispatch(segment);
}

void ParserRun::startInterchange(const Segment& isa) {
    interchange_ = readIsa(isa);
    interchange_.ordinal = ++summary_.interchanges;
    interchange_result_ = InterchangeResult{};
    interchange_result_.envelope_ok = true;
    group_controls_.clear();
    level_ = Level::Interchange;
    checkIsa(isa, options_.strict_isa_width, *this);
    const std::string key = interchange_.sender_qualifier + ':' + interchange_.sender_id + '>' +
                            interchange_.receiver_qualifier + ':' + interchange_.receiver_id + '#' +
                            interchange_.control_number;
    if (!interchange_controls_.insert(key).second) {
        add(elementIssue(
            isa, 13, InterchangeCode::DuplicateControlNumber, ElementCode::None,
            "ISA13 " + interchange_.control_number + " repeats an earlier interchange of this sender"));
    }
    handler_.onInterchangeStart(interchange_, isa);
}

void ParserRun::startGroup(const Segment& gs) {
    group_ = readGs(gs);
    group_.ordinal = ++interchange_result_.groups;
    ++summary_.groups;
    group_result_ = GroupResult{};
    group_result_.envelope_ok = true;
    transaction_controls_.clear();
    level_ = Level::Group;
    checkGs(gs, interchange_.version, *this);
    if (!group_.control_number.empty() && !group_controls_.insert(group_.control_number)) {
        add(elementIssue(gs, 6, GroupCode::ControlNumberNotUnique, ElementCode::None,
                         "GS06 " + group_.control_number + " repeats an earlier group of this interchange"));
    }
    handler_.onGroupStart(group_, gs);
}

void ParserRun::startTransaction(const Segment& st) {
    // ST01-ST03 read in place: the strings keep their buffers from one set to the next.
    transaction_.set_id.assign(st.element(1));
    transaction_.control_number.assign(st.element(2));
    transaction_.convention.assign(st.element(3));
    transaction_.byte_offset = st.byteOffset();
    transaction_.file_segment = st.index();
    transaction_.ordinal = ++group_result_.received;
    ++summary_.transactions;
    transaction_result_ = TransactionResult{};
    transaction_result_.segment_count = 1;
    transaction_result_.accepted = true;
    level_ = Level::Transaction;
    checkSt(st, *this);
    if (!transaction_.control_number.empty() && !transaction_controls_.insert(transaction_.control_number)) {
        add(elementIssue(st, 2, TransactionCode::ControlNumberNotUnique, ElementCode::None,
                         "ST02 " + transaction_.control_number + " repeats an earlier set of this group",
                         Severity::Error, 1));
    }
    handler_.onTransactionStart(transaction_, st);
}

void ParserRun::endTransaction(const Segment* se) {
    if (se != nullptr) checkSe(*se, transaction_result_.segment_count, transaction_, *this);
    transaction_result_.has_trailer = se != nullptr;
    if (transaction_result_.accepted) ++group_result_.accepted;
    handler_.onTransactionEnd(transaction_, se, transaction_result_);
    level_ = Level::Group;
}

void ParserRun::endGroup(const Segment* ge) {
    if (ge != nullptr) group_result_.declared = checkGe(*ge, group_result_.received, group_, *this);
    group_result_.has_trailer = ge != nullptr;
    handler_.onGroupEnd(group_, ge, group_result_);
    level_ = Level::Interchange;
}

void ParserRun::endInterchange(const Segment* iea) {
    if (iea != nullptr) {
        interchange_result_.declared = checkIea(*iea, interchange_result_.groups, interchange_, *this);
    }
    interchange_result_.has_trailer = iea != nullptr;
    handler_.onInterchangeEnd(interchange_, iea, interchange_result_);
    level_ = Level::Outside;
    skip_transaction_ = false;
}

// Closes what is open before `cause` (a header or trailer of an outer level, or the
// end of the input when null). `interchange_code` is reported for a missing IEA
// (NoError: report nothing, after a fatal error).
void ParserRun::closeOpen(const Segment* cause, InterchangeCode interchange_code) {
    const Kind kind = cause != nullptr ? kindOf(cause->id()) : Kind::Isa;
    const bool report = interchange_code != InterchangeCode::NoError;
    if (level_ == Level::Transaction) {
        if (report) {
            add(missing(cause, TransactionCode::TrailerMissing,
                        "transaction set " + transaction_.control_number + " has no SE"));
        }
        endTransaction(nullptr);
    }
    if (level_ == Level::Group && (kind == Kind::Gs || kind == Kind::Iea || kind == Kind::Isa)) {
        if (report)
            add(missing(cause, GroupCode::TrailerMissing, "group " + group_.control_number + " has no GE"));
        endGroup(nullptr);
    }
    if (level_ == Level::Interchange && kind == Kind::Isa) {
        if (report) {
            add(missing(cause, interchange_code,
                        "interchange " + interchange_.control_number + " has no IEA"));
        }
        endInterchange(nullptr);
    }
}

Issue ParserRun::missing(const Segment* cause, AckCode code, std::string message) const {
    if (cause != nullptr) {
        return elementIssue(*cause, 0, code, ElementCode::None,
                            std::move(message) + " before this " + std::string(cause->id()));
    }
    Issue issue;
    issue.code = code;
    issue.message = std::move(message) + " before the end of the input";
    issue.location.byte_offset = reader_.bytesConsumed();
    issue.location.file_segment = reader_.segmentIndex();
    return issue;
}

void ParserRun::stray(const Segment& segment, InterchangeCode code, std::string message) {
    add(elementIssue(segment, 0, code, ElementCode::None,
                     "segment " + std::string(segment.id()) + " " + std::move(message)));
}

}  // namespace crossdock::edi::x12::detail
