#include "crossdock/edi/x12/segment_writer.h"

#include <stdexcept>

namespace crossdock::edi::x12 {
namespace {

bool isBreak(char c) { return c == '\r' || c == '\n'; }

std::string printable(char c) {
    if (c == '\r') return "CR";
    if (c == '\n') return "LF";
    return std::string("'") + c + "'";
}

std::string name(std::string_view id, std::size_t position) {
    return std::string(id) + (position < 10 ? "0" : "") + std::to_string(position);
}

}  // namespace

SegmentWriter::SegmentWriter(Delimiters delimiters, std::string line_suffix)
    : delimiters_(delimiters), line_suffix_(std::move(line_suffix)) {
    if (delimiters_.element == '\0' || delimiters_.segment == '\0' || delimiters_.component == '\0') {
        throw std::logic_error("SegmentWriter: element, component and segment delimiters are required");
    }
}

void SegmentWriter::fail(core::ErrorCode code, std::string message) {
    if (problem_.ok())
        problem_ =
            core::makeError(code, std::move(message), "segment " + std::to_string(segments_ + 1) + " " + id_);
}

// A value may contain no delimiter (and no line break); a component separator is
// allowed where the caller composes a composite itself.
void SegmentWriter::check(std::string_view value, bool component_allowed) {
    for (const char c : value) {
        const bool bad =
            isBreak(c) || (delimiters_.isDelimiter(c) && !(component_allowed && c == delimiters_.component));
        if (bad) {
            fail(core::ErrorCode::InvalidArgument,
                 name(id_, position_) + " contains " + printable(c) +
                     ", a delimiter of this interchange (X12 has no escape character)");
            return;
        }
    }
}

SegmentWriter& SegmentWriter::begin(std::string_view id) {
    id_ = std::string(id);
    pending_.assign(id);
    kept_ = pending_.size();
    position_ = 0;
    open_ = true;
    problem_ = core::Status();
    if (id.size() < 2 || id.size() > 3)
        fail(core::ErrorCode::InvalidArgument, "'" + id_ + "' is not a segment id");
    check(id, false);
    return *this;
}

SegmentWriter& SegmentWriter::element(std::string_view value) {
    ++position_;
    check(value, false);
    pending_ += delimiters_.element;
    pending_ += value;
    if (!value.empty()) kept_ = pending_.size();
    return *this;
}

SegmentWriter& SegmentWriter::composite(std::span<const std::string_view> components) {
    ++position_;
    pending_ += delimiters_.element;
    std::size_t last = 0;  // components up to the last non-empty one
    for (std::size_t k = 0; k < components.size(); ++k) {
        check(components[k], false);
        if (!components[k].empty()) last = k + 1;
    }
    for (std::size_t k = 0; k < last; ++k) {
        if (k > 0) pending_ += delimiters_.component;
        pending_ += components[k];
    }
    if (last > 0) kept_ = pending_.size();
    return *this;
}

SegmentWriter& SegmentWriter::repeated(std::span<const std::string_view> values) {
    ++position_;
    if (!delimiters_.hasRepetition() && values.size() > 1) {
        fail(core::ErrorCode::FailedPrecondition,
             name(id_, position_) + " repeats, but this version has no repetition separator");
    }
    pending_ += delimiters_.element;
    std::size_t last = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        check(values[k], true);
        if (!values[k].empty()) last = k + 1;
    }
    for (std::size_t k = 0; k < last; ++k) {
        if (k > 0) pending_ += delimiters_.repetition;
        pending_ += values[k];
    }
    if (last > 0) kept_ = pending_.size();
    return *this;
}

core::Status SegmentWriter::end() {
    if (!open_)
        return core::makeError(core::ErrorCode::FailedPrecondition, "SegmentWriter::end() without begin()");
    open_ = false;
    if (!problem_.ok()) return problem_;
    out_.append(pending_, 0, kept_);
    out_ += delimiters_.segment;
    out_ += line_suffix_;
    ++segments_;
    return {};
}

core::Status SegmentWriter::write(std::string_view id, std::initializer_list<std::string_view> elements) {
    begin(id);
    for (const std::string_view value : elements) element(value);
    return end();
}

core::Status SegmentWriter::writeIsa(const std::array<std::string, 16>& fields) {
    begin("ISA");
    for (std::size_t k = 0; k < fields.size(); ++k) {
        ++position_;
        const bool delimiter_field = k == 10 || k == 15;  // ISA11, ISA16
        if (!delimiter_field) check(fields[k], false);
        pending_ += delimiters_.element;
        pending_ += fields[k];
    }
    kept_ = pending_.size();
    return end();
}

std::string SegmentWriter::take() {
    std::string text = std::move(out_);
    out_.clear();
    return text;
}

}  // namespace crossdock::edi::x12
