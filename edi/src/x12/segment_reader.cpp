#include "crossdock/edi/x12/segment_reader.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "x12/block_index.h"
#include "x12/isa_scanner.h"
#include "x12/segment_batch.h"
#include "x12/segment_scanner.h"

namespace crossdock::edi::x12 {
namespace {

constexpr std::size_t kMinBuffer = 4 * detail::kIsaWindow;

unsigned char byte(char c) { return static_cast<unsigned char>(c); }

}  // namespace

SegmentReader::SegmentReader(ByteSource& source, ReaderOptions options)
    : source_(&source),
      options_(options),
      scan_(detail::bestScanFunction()),
      ends_(std::make_unique<detail::ElementEnds>()),
      index_function_(detail::indexFunction(options.kernel)),
      index_(std::make_unique<detail::BlockIndex>()) {
    options_.max_segment_size = std::max<std::size_t>(options_.max_segment_size, detail::kIsaWindow);
    capacity_ = std::max(options_.buffer_size, kMinBuffer);
    buffer_ = std::make_unique_for_overwrite<char[]>(capacity_);
    data_ = buffer_.get();
    setDelimiters(delimiters_);
    notePeak();
}

SegmentReader::SegmentReader(std::string_view bytes, ReaderOptions options)
    : options_(options),
      scan_(detail::bestScanFunction()),
      ends_(std::make_unique<detail::ElementEnds>()),
      index_function_(detail::indexFunction(options.kernel)),
      index_(std::make_unique<detail::BlockIndex>()) {
    options_.max_segment_size = std::max<std::size_t>(options_.max_segment_size, detail::kIsaWindow);
    data_ = bytes.data();
    size_ = bytes.size();
    eof_ = true;
    setDelimiters(delimiters_);
    notePeak();
}

SegmentReader::~SegmentReader() = default;

std::size_t SegmentReader::memoryFootprint() const {
    return capacity_ + ends_->capacity() * sizeof(std::uint32_t) + copy_.capacity() +
           index_->memoryFootprint();
}

void SegmentReader::notePeak() { peak_memory_ = std::max(peak_memory_, memoryFootprint()); }

void SegmentReader::setDelimiters(const Delimiters& delimiters) {
    delimiters_ = delimiters;
    index_->invalidate();
    for (int c = 0; c < 256; ++c) {
        const char ch = static_cast<char>(c);
        const bool space = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
        trailing_[c] = space && !delimiters.isDelimiter(ch);
        filler_[c] = (space || ch == '\0' || ch == '\x1a') && !delimiters.isDelimiter(ch);
    }
}

core::Error SegmentReader::fail(Issue issue) {
    failed_ = true;
    failure_ = std::move(issue);
    return toCoreError(failure_);
}

// Compacts the buffer to start at pos_ (the current segment), grows it when the
// segment fills it, and reads more. False at the end of the input.
bool SegmentReader::fill() {
    if (source_ == nullptr || eof_) return false;
    index_->invalidate();  // the bytes move or grow
    if (pos_ > 0) {
        std::memmove(buffer_.get(), buffer_.get() + pos_, size_ - pos_);
        file_base_ += pos_;
        size_ -= pos_;
        pos_ = 0;
    }
    if (size_ == capacity_) {
        const std::size_t cap = std::max(capacity_, options_.max_segment_size + kMinBuffer);
        if (capacity_ >= cap) return false;  // scanSegment reports the oversized segment
        const std::size_t grown = std::min(cap, capacity_ * 2);
        auto bigger = std::make_unique_for_overwrite<char[]>(grown);
        std::memcpy(bigger.get(), buffer_.get(), size_);
        buffer_ = std::move(bigger);
        capacity_ = grown;
        data_ = buffer_.get();
    }
    const std::size_t n = source_->read(buffer_.get() + size_, capacity_ - size_);
    if (n == 0) {
        eof_ = true;
    } else {
        size_ += n;
    }
    notePeak();
    return n > 0;
}

bool SegmentReader::looksLikeIsa(std::size_t at) const {
    return at + 3 < size_ && data_[at] == 'I' && data_[at + 1] == 'S' && data_[at + 2] == 'A' &&
           detail::isDelimiterCandidate(data_[at + 3]);
}

core::Result<bool> SegmentReader::next(Segment& segment) {
    if (advance(segment)) return true;
    if (failed_) return toCoreError(failure_);
    return false;
}

void SegmentReader::indexFrom(std::size_t at) {
    index_function_(data_, at, size_, delimiters_.element, delimiters_.segment, *index_);
}

// Cuts the segment at `at` from the block index when its first terminator, CR or LF
// is its terminator (and it is within the size cap): its element table is a slice of
// the index, nothing is scanned again. False sends the segment to the slow path
// (scanSegment), which decides everything else exactly as before.
__attribute__((always_inline)) inline bool SegmentReader::cutIndexed(Segment& segment, std::size_t at) {
    detail::BlockIndex& index = *index_;
    if (!index.valid() || at < index.windowBegin()) indexFrom(at);
    std::size_t s = index.cursor;
    if (pos_ != index.resume) s = findTerminator(at);  // something else was read since the last cut
    if (s > index.terminatorCount()) {
        if (index.windowBegin() == at) return false;  // no terminator within the window
        indexFrom(at);
        s = findTerminator(at);
        if (s > index.terminatorCount()) return false;
    }
    index.cursor = s;
    const auto rel = static_cast<std::uint32_t>(at - index.windowBegin());
    const std::uint32_t stop = index.stop(s);
    if (!indexedCutOk(rel, stop)) return false;
    const char* const base = data_ + index.windowBegin();
    const std::uint32_t* const marks = index.marks();
    const std::uint32_t last = index.terminators()[s];
    const std::uint32_t first = index.terminators()[s - 1] + 1;
    segment.base_ = base;
    segment.start_ = rel;
    segment.ends_ = marks + first;
    segment.count_ = last - first + 1;
    index.cursor = s + 1;
    pos_ = index.windowBegin() + stop + 1;
    index.resume = pos_;
    emit(segment, at, true, false);
    return true;
}

bool SegmentReader::indexedCutOkOutOfLine(std::uint32_t rel, std::uint32_t stop) const {
    return indexedCutOk(rel, stop);
}

bool SegmentReader::advance(Segment& segment) {
    if (have_isa_ && options_.block_index) {  // the hot path: an ordinary segment wholly in the buffer
        std::size_t at = pos_;
        while (at < size_ && filler_[byte(data_[at])]) ++at;
        if (at + 4 <= size_ && data_[at] != 'I' && data_[at] != delimiters_.segment &&
            cutIndexed(segment, at)) {
            return true;
        }
    }
    return advanceSlowly(segment);
}

// The first terminator at or after `at`, when the window holds no mark between the
// terminator before it and `at` (else the window does not start at a segment boundary
// and the answer is past the count, so that the caller indexes again from `at`).
std::size_t SegmentReader::findTerminator(std::size_t at) const {
    const detail::BlockIndex& index = *index_;
    const auto rel = static_cast<std::uint32_t>(at - index.windowBegin());
    std::size_t s = index.cursor;
    while (s <= index.terminatorCount() && index.stop(s) < rel) ++s;
    if (s > index.terminatorCount()) return s;
    const std::uint32_t next_mark = index.terminators()[s - 1] + 1;
    if (index.stop(s - 1) > rel || (next_mark < index.markCount() && index.marks()[next_mark] < rel)) {
        return index.terminatorCount() + 1;
    }
    return s;
}

bool SegmentReader::advanceSlowly(Segment& segment) {
    if (failed_) return false;
    for (;;) {
        if (file_base_ + pos_ == 0 && !have_isa_) {  // a UTF-8 BOM at the very start
            if (size_ < 3 && fill()) continue;
            if (size_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
        }
        while (pos_ < size_ && filler_[byte(data_[pos_])]) ++pos_;
        if (pos_ == size_) {
            if (fill()) continue;
            return false;
        }
        if (have_isa_ && data_[pos_] == delimiters_.segment) {  // an empty segment (a blank line)
            ++pos_;
            continue;
        }
        if (pos_ + 4 > size_ && fill()) continue;
        Step step = Step::Done;
        if (looksLikeIsa(pos_)) {
            step = readIsa(segment);
        } else if (!have_isa_) {
            Issue issue;
            issue.code = InterchangeCode::InvalidControlStructure;
            issue.message = "the input does not start with an ISA segment";
            issue.location.byte_offset = file_base_ + pos_;
            issue.location.file_segment = segment_index_ + 1;
            fail(std::move(issue));
            return false;
        } else {
            step = scanSegment(segment);
        }
        if (step == Step::Failed) return false;
        if (step == Step::Done) return true;
        if (!fill()) {  // NeedMore at the end of the input: the last segment is cut
            if (failed_) return false;
            if (looksLikeIsa(pos_)) {
                if (readIsa(segment) == Step::Done) return true;
                return false;
            }
            finishCut(segment);
            return true;
        }
    }
}

SegmentReader::Step SegmentReader::readIsa(Segment& segment) {
    const std::size_t available = std::min(size_ - pos_, detail::kIsaWindow);
    const bool at_end = eof_ && pos_ + available == size_;
    const bool complete = at_end || available == detail::kIsaWindow;
    const detail::IsaScan scan = detail::scanIsa({data_ + pos_, available}, complete, at_end);
    if (scan.status == detail::IsaScan::Status::NeedMore) return Step::NeedMore;
    if (scan.status == detail::IsaScan::Status::Error) {
        Issue issue = scan.issue;
        issue.location.byte_offset += file_base_ + pos_;
        issue.location.file_segment = segment_index_ + 1;
        fail(std::move(issue));
        return Step::Failed;
    }
    const std::size_t begin = pos_;
    setDelimiters(scan.delimiters);
    have_isa_ = true;
    buildCopy(segment, begin, begin + scan.text_end, false);
    pos_ = begin + scan.length;
    emit(segment, begin, true, scan.wrapped);
    return Step::Done;
}

SegmentReader::Step SegmentReader::scanSegment(Segment& segment) {
    const std::size_t begin = pos_;
    const detail::SegmentScan scan = scan_(data_, begin, size_, options_.max_segment_size,
                                           delimiters_.element, delimiters_.segment, *ends_);
    switch (scan.status) {
        case detail::SegmentScan::Status::Terminated:
            if (scan.end - begin > options_.max_segment_size) return failOversized(begin);
            viewInPlace(segment, begin, scan.end, scan.separators);
            pos_ = scan.end + 1;
            emit(segment, begin, true, false);
            return Step::Done;
        case detail::SegmentScan::Status::LineBreak:
            return lineBreakSegment(segment, begin, scan.end, scan.separators);
        case detail::SegmentScan::Status::TooLong:
            return failOversized(begin);
        case detail::SegmentScan::Status::NeedMore:
            break;
    }
    return Step::NeedMore;
}

// The fast path: the segment's views point into data_, its element table is ends_.
// `stop` is where the last element ends (the terminator, or the first trailing line
// break); whitespace before it is trimmed.
void SegmentReader::viewInPlace(Segment& segment, std::size_t begin, std::size_t stop,
                                std::size_t separators) {
    std::uint32_t* ends = ends_->data();
    auto last = static_cast<std::uint32_t>(stop - begin);
    const std::uint32_t floor = separators > 0 ? ends[separators - 1] + 1 : 0;
    while (last > floor && trailing_[byte(data_[begin + last - 1])]) --last;
    ends[separators] = last;
    segment.base_ = data_ + begin;
    segment.start_ = 0;
    segment.ends_ = ends;
    segment.count_ = static_cast<std::uint32_t>(separators + 1);
}

// A CR or LF came before the terminator: trailing whitespace (trimmed), or hard
// wrapping (the segment is rebuilt without line breaks).
SegmentReader::Step SegmentReader::lineBreakSegment(Segment& segment, std::size_t begin,
                                                    std::size_t line_break, std::size_t separators) {
    const std::size_t limit = std::min(size_, begin + options_.max_segment_size + 1);
    const void* hit = std::memchr(data_ + line_break, delimiters_.segment, limit - line_break);
    if (hit == nullptr) return limit < size_ ? failOversized(begin) : Step::NeedMore;
    const auto end = static_cast<std::size_t>(static_cast<const char*>(hit) - data_);
    bool only_trailing = true;
    for (std::size_t i = line_break; i < end && only_trailing; ++i) only_trailing = trailing_[byte(data_[i])];
    if (only_trailing) {
        viewInPlace(segment, begin, line_break, separators);
        pos_ = end + 1;
        emit(segment, begin, true, false);
    } else {
        buildCopy(segment, begin, end, true);
        pos_ = end + 1;
        emit(segment, begin, true, true);
    }
    return Step::Done;
}

SegmentReader::Step SegmentReader::failOversized(std::size_t begin) {
    Issue issue;
    issue.code = InterchangeCode::InvalidContent;
    issue.message = "a segment longer than " + std::to_string(options_.max_segment_size) + " bytes";
    issue.location.byte_offset = file_base_ + begin;
    issue.location.file_segment = segment_index_ + 1;
    const std::size_t id_end = std::min(size_, begin + 3);
    issue.location.segment_id = std::string(data_ + begin, data_ + id_end);
    fail(std::move(issue));
    return Step::Failed;
}

void SegmentReader::finishCut(Segment& segment) {
    const std::size_t begin = pos_;
    buildCopy(segment, begin, size_, true);
    pos_ = size_;
    emit(segment, begin, false, segment.repaired_);
}

// Copies data_[begin, end) without line breaks into copy_ and splits it there.
void SegmentReader::buildCopy(Segment& segment, std::size_t begin, std::size_t end, bool trim) {
    copy_.clear();
    for (std::size_t i = begin; i < end; ++i) {
        if (data_[i] != '\r' && data_[i] != '\n') copy_ += data_[i];
    }
    const bool removed = copy_.size() != end - begin;
    if (trim) {
        while (!copy_.empty() && trailing_[byte(copy_.back())]) copy_.pop_back();
    }
    std::vector<std::uint32_t>& ends = segment.own_ends_;
    ends.clear();
    for (std::size_t i = 0; i < copy_.size(); ++i) {
        if (copy_[i] == delimiters_.element) ends.push_back(static_cast<std::uint32_t>(i));
    }
    ends.push_back(static_cast<std::uint32_t>(copy_.size()));
    segment.base_ = copy_.data();
    segment.start_ = 0;
    segment.ends_ = ends.data();
    segment.count_ = static_cast<std::uint32_t>(ends.size());
    segment.repaired_ = removed;
    notePeak();
}

void SegmentReader::emit(Segment& segment, std::size_t begin, bool terminated, bool repaired) {
    segment.delimiters_ = &delimiters_;
    segment.base_offset_ = file_base_ + begin - segment.start_;  // start_ is set: byteOffset() is begin
    segment.index_ = ++segment_index_;
    segment.terminated_ = terminated;
    segment.repaired_ = repaired;
}

}  // namespace crossdock::edi::x12
