#include "database.h"

#include <chrono>
#include <thread>

#include <Poco/Data/DataException.h>

#include "sql_text.h"

namespace crossdock::storage {
namespace {

constexpr auto kSessionWait = std::chrono::seconds(10);
constexpr auto kSessionPoll = std::chrono::milliseconds(2);

}  // namespace

Database::Database(const DatabaseUrl& url, std::unique_ptr<Poco::Data::SessionPool> pool)
    : backend_(url.backend), display_url_(url.display()), password_(url.password), pool_(std::move(pool)) {}

// Poco's pool throws at once when it is exhausted; a request thread would rather wait briefly.
Poco::Data::Session Database::session() const {
    auto deadline = std::chrono::steady_clock::now() + kSessionWait;
    for (;;) {
        try {
            return pool_->get();
        } catch (const Poco::Data::SessionPoolExhaustedException&) {
            if (std::chrono::steady_clock::now() >= deadline) {
                throw StorageError("no free connection to " + display_url_ + " within 10 s (all " +
                                   std::to_string(pool_->capacity()) + " in use)");
            }
            std::this_thread::sleep_for(kSessionPoll);
        } catch (const Poco::Exception& e) {
            throw StorageError("cannot connect to " + display_url_ + ": " + scrub(e.displayText()));
        }
    }
}

std::string Database::sql(std::string_view text) const {
    return backend_ == Backend::PostgreSql ? numberPlaceholders(text) : std::string(text);
}

std::string Database::scrub(std::string message) const {
    if (password_.empty()) return message;
    for (auto at = message.find(password_); at != std::string::npos; at = message.find(password_, at + 3)) {
        message.replace(at, password_.size(), "***");
    }
    return message;
}

}  // namespace crossdock::storage
