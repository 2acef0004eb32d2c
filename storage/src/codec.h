#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace crossdock::storage {

using TimePoint = std::chrono::system_clock::time_point;

/// Microseconds since the Unix epoch (UTC), rounded down: how every timestamp column stores time.
std::int64_t toMicros(TimePoint time);

/// The inverse of toMicros(). Throws StorageError when the value is outside TimePoint's range.
TimePoint fromMicros(std::int64_t micros);

/// toMicros(system_clock::now()).
std::int64_t nowMicros();

/// A BIGINT column read as text. Poco 1.11's PostgreSQL extractor parses integers with
/// Poco::NumberParser::tryParse64, which rounds negative values below -2^53 through a double
/// (-9007199254740993 comes back as -9007199254740992). Reading 64-bit columns into a
/// std::string and parsing here is exact on both backends. Throws StorageError when `text`
/// is not a whole number that fits in 64 bits.
std::int64_t parseInt64(const std::string& text);

}  // namespace crossdock::storage
