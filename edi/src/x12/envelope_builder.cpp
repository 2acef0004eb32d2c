#include "crossdock/edi/x12/envelope_builder.h"

#include <array>

#include "x12/text_rules.h"

namespace crossdock::edi::x12 {
namespace {

core::Error invalid(std::string message) {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message), "ISA/GS header");
}

// `value` padded with spaces to `width`, or an error naming `field` when too long.
core::Result<std::string> padded(std::string_view value, std::size_t width, std::string_view field) {
    if (value.size() > width) {
        return invalid(std::string(field) + " '" + std::string(value) + "' is longer than " +
                       std::to_string(width) + " characters");
    }
    std::string text(value);
    text.resize(width, ' ');
    return text;
}

std::string zeroPadded(std::uint32_t value, std::size_t width) {
    std::string digits = std::to_string(value);
    return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

}  // namespace

core::Status EnvelopeBuilder::expect(Level level, std::string_view what) const {
    if (level_ == level) return {};
    return core::makeError(core::ErrorCode::FailedPrecondition, std::string(what) + " out of order");
}

core::Status EnvelopeBuilder::beginInterchange(const InterchangeHeader& h) {
    if (auto status = expect(Level::Outside, "ISA"); !status.ok()) return status;
    if (h.date.size() != 8 || !detail::isValidDate(h.date))
        return invalid("date '" + h.date + "' is not CCYYMMDD");
    if (h.time.size() != 4 || !detail::isValidTime(h.time))
        return invalid("time '" + h.time + "' is not HHMM");
    if (h.version.size() != 5 || !detail::isDigits(h.version))
        return invalid("version '" + h.version + "' is not 5 digits");
    if (h.control_number == 0 || h.control_number > 999999999u) return invalid("ISA13 must be 1..999999999");
    if (h.usage != 'P' && h.usage != 'T' && h.usage != 'I') return invalid("ISA15 must be P, T or I");
    if (h.sender_id.empty() || h.receiver_id.empty()) return invalid("ISA06 and ISA08 are required");
    const bool repeats = h.version >= "00402";
    if (!repeats) writer_.setRepetition('\0');
    if (repeats && !writer_.delimiters().hasRepetition())
        return invalid("version " + h.version + " needs a repetition separator");

    std::array<std::string, 16> fields;
    const std::array<std::pair<const std::string*, std::size_t>, 8> padded_fields = {
        {{&h.authorization_qualifier, 2},
         {&h.authorization, 10},
         {&h.security_qualifier, 2},
         {&h.security, 10},
         {&h.sender_qualifier, 2},
         {&h.sender_id, 15},
         {&h.receiver_qualifier, 2},
         {&h.receiver_id, 15}}};
    for (std::size_t k = 0; k < padded_fields.size(); ++k) {
        auto field =
            padded(*padded_fields[k].first, padded_fields[k].second, detail::elementName("ISA", k + 1));
        if (!field.ok()) return field.takeError();
        if ((k % 2 == 0) && field->size() == 2 && !detail::isAlnum(*field)) {
            return invalid(detail::elementName("ISA", k + 1) + " '" + *field + "' is not a 2-character code");
        }
        fields[k] = std::move(*field);
    }
    fields[8] = h.date.substr(2);
    fields[9] = h.time;
    fields[10] = repeats ? std::string(1, writer_.delimiters().repetition) : std::string("U");
    fields[11] = h.version;
    interchange_control_ = zeroPadded(h.control_number, 9);
    fields[12] = interchange_control_;
    fields[13] = h.ack_requested ? "1" : "0";
    fields[14] = std::string(1, h.usage);
    fields[15] = std::string(1, writer_.delimiters().component);
    if (auto status = writer_.writeIsa(fields); !status.ok()) return status;
    level_ = Level::Interchange;
    groups_ = 0;
    return {};
}

core::Status EnvelopeBuilder::beginGroup(const GroupHeader& h) {
    if (auto status = expect(Level::Interchange, "GS"); !status.ok()) return status;
    if (h.date.size() != 8 || !detail::isValidDate(h.date))
        return invalid("GS04 '" + h.date + "' is not CCYYMMDD");
    if (!detail::isValidTime(h.time)) return invalid("GS05 '" + h.time + "' is not a time");
    if (h.control_number == 0 || h.control_number > 999999999u) return invalid("GS06 must be 1..999999999");
    if (h.functional_id.size() != 2 || h.sender.size() < 2 || h.sender.size() > 15 || h.receiver.size() < 2 ||
        h.receiver.size() > 15 || h.version.empty() || h.version.size() > 12) {
        return invalid("GS01 must be 2 characters, GS02/GS03 2-15, GS08 1-12");
    }
    group_control_ = std::to_string(h.control_number);
    if (auto status = writer_.write("GS", {h.functional_id, h.sender, h.receiver, h.date, h.time,
                                           group_control_, h.agency, h.version});
        !status.ok()) {
        return status;
    }
    level_ = Level::Group;
    ++groups_;
    transactions_ = 0;
    return {};
}

core::Status EnvelopeBuilder::beginTransaction(std::string_view set_id, std::string_view control_number,
                                               std::string_view convention) {
    if (auto status = expect(Level::Group, "ST"); !status.ok()) return status;
    if (set_id.size() != 3 || !detail::isDigits(set_id)) return invalid("ST01 must be 3 digits");
    if (control_number.size() < 4 || control_number.size() > 9) return invalid("ST02 must be 4-9 characters");
    st_at_ = writer_.segmentCount();
    writer_.begin("ST").element(set_id).element(control_number);
    if (!convention.empty()) writer_.element(convention);
    if (auto status = writer_.end(); !status.ok()) return status;
    transaction_control_ = std::string(control_number);
    level_ = Level::Transaction;
    ++transactions_;
    return {};
}

core::Status EnvelopeBuilder::endTransaction() {
    if (auto status = expect(Level::Transaction, "SE"); !status.ok()) return status;
    const std::size_t count = writer_.segmentCount() - st_at_ + 1;  // ST .. SE
    if (auto status = writer_.write("SE", {std::to_string(count), transaction_control_}); !status.ok())
        return status;
    level_ = Level::Group;
    return {};
}

core::Status EnvelopeBuilder::endGroup() {
    if (auto status = expect(Level::Group, "GE"); !status.ok()) return status;
    if (auto status = writer_.write("GE", {std::to_string(transactions_), group_control_}); !status.ok())
        return status;
    level_ = Level::Interchange;
    return {};
}

core::Status EnvelopeBuilder::endInterchange() {
    if (auto status = expect(Level::Interchange, "IEA"); !status.ok()) return status;
    if (auto status = writer_.write("IEA", {std::to_string(groups_), interchange_control_}); !status.ok())
        return status;
    level_ = Level::Outside;
    return {};
}

}  // namespace crossdock::edi::x12
