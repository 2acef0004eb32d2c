#include "map_issues.h"

namespace crossdock::edi::maps::detail {

void IssueContext::reset(const x12::InterchangeInfo& interchange, const x12::GroupInfo& group,
                         const x12::TransactionInfo& transaction) {
    envelope = x12::Location{};
    envelope.interchange = interchange.ordinal;
    envelope.interchange_control = interchange.control_number;
    envelope.functional_id = group.functional_id;
    envelope.group_control = group.control_number;
    envelope.transaction_set_id = transaction.set_id;
    envelope.transaction_control = transaction.control_number;
}

x12::Location IssueContext::at(const x12::Segment& segment, std::size_t position, std::size_t element,
                               std::string_view reference) const {
    x12::Location location = envelope;
    location.byte_offset = element == 0 ? segment.byteOffset() : segment.elementOffset(element);
    location.file_segment = segment.index();
    location.transaction_segment = position;
    location.segment_id = std::string(segment.id());
    location.element = element;
    location.element_reference = std::string(reference);
    if (element != 0) location.bad_value = std::string(segment.element(element).substr(0, 99));
    return location;
}

x12::Location IssueContext::missing(std::string_view segment_id, std::size_t position) const {
    x12::Location location = envelope;
    location.transaction_segment = position;
    location.segment_id = std::string(segment_id);
    return location;
}

x12::Issue elementError(x12::Location location, x12::ElementCode code, std::string message) {
    x12::Issue issue;
    issue.severity = x12::Severity::Error;
    issue.code = code;
    issue.message = std::move(message);
    issue.location = std::move(location);
    return issue;
}

x12::Issue segmentError(x12::Location location, x12::SegmentCode code, std::string message) {
    x12::Issue issue;
    issue.severity = x12::Severity::Error;
    issue.code = code;
    issue.message = std::move(message);
    issue.location = std::move(location);
    return issue;
}

}  // namespace crossdock::edi::maps::detail
