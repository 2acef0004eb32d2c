#include "crossdock/edi/x12/segment.h"

namespace crossdock::edi::x12 {

Pieces::Iterator::Iterator(std::string_view text, char separator) : separator_(separator), done_(false) {
    const std::size_t cut = separator == '\0' ? std::string_view::npos : text.find(separator);
    if (cut == std::string_view::npos) {
        piece_ = text;
        last_ = true;
    } else {
        piece_ = text.substr(0, cut);
        rest_ = text.substr(cut + 1);
    }
}

Pieces::Iterator& Pieces::Iterator::operator++() {
    if (last_) {
        done_ = true;
        piece_ = {};
        return *this;
    }
    const std::size_t cut = rest_.find(separator_);
    if (cut == std::string_view::npos) {
        piece_ = rest_;
        rest_ = {};
        last_ = true;
    } else {
        piece_ = rest_.substr(0, cut);
        rest_ = rest_.substr(cut + 1);
    }
    return *this;
}

std::size_t Pieces::size() const {
    if (separator_ == '\0') return 1;
    std::size_t count = 1;
    for (const char c : text_) count += c == separator_ ? 1 : 0;
    return count;
}

std::string_view Pieces::at(std::size_t position) const {
    if (position == 0) return {};
    std::size_t n = 1;
    for (const std::string_view piece : *this) {
        if (n++ == position) return piece;
    }
    return {};
}

std::uint64_t Segment::elementOffset(std::size_t position) const {
    if (position == 0) return base_offset_ + start_;
    if (position >= count_) return base_offset_ + ends_[count_ - 1];
    return base_offset_ + ends_[position - 1] + 1;
}

}  // namespace crossdock::edi::x12
