#pragma once

namespace crossdock::edi::x12 {

/// The delimiters of one interchange. Inbound they are read from its ISA header
/// (element separator = byte 4, component separator = ISA16, repetition separator =
/// ISA11 from version 00402 on, segment terminator = the byte after ISA16); outbound
/// they come from the partner profile. The defaults are Crossdock's outbound choice:
/// `*` `>` `^` `~`.
///
/// '\0' marks a delimiter the interchange does not have: `repetition` below version
/// 00402 (there ISA11 is the standards identifier `U`), `component` when ISA16 is
/// missing. Cheap to copy; a plain value.
struct Delimiters {
    char element = '*';
    char component = '>';
    char repetition = '^';
    char segment = '~';

    bool hasComponent() const { return component != '\0'; }
    bool hasRepetition() const { return repetition != '\0'; }

    /// True when `c` is one of the active delimiters (never for '\0').
    bool isDelimiter(char c) const {
        return c != '\0' && (c == element || c == component || c == repetition || c == segment);
    }

    friend bool operator==(const Delimiters&, const Delimiters&) = default;
};

}  // namespace crossdock::edi::x12
