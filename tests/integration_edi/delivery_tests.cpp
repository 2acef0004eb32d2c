// The delivery job of the running server POSTs outbound documents to the partner's URL, and
// records failures with their retries.
#include <chrono>
#include <mutex>
#include <thread>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include "edi_fixture.h"

using namespace crossdock;
using namespace crossdock::integration;
using namespace crossdock::integration::edi_test;

namespace {

struct Received {
    std::string document_type;
    std::string message_id;
    std::string body;
};

// A partner's receiving endpoint: records every POST and answers 200.
class PartnerEndpoint {
public:
    PartnerEndpoint() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
        server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket_,
                                                          new Poco::Net::HTTPServerParams);
        server_->start();
    }
    ~PartnerEndpoint() { server_->stopAll(true); }

    std::string url() const {
        return "http://127.0.0.1:" + std::to_string(socket_.address().port()) + "/edi/in";
    }

    std::vector<Received> received() {
        std::lock_guard lock(mutex_);
        return received_;
    }

private:
    class Handler final : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(PartnerEndpoint& owner) : owner_(owner) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response) override {
            Received got;
            got.document_type = request.get("X-Crossdock-Document-Type", "");
            got.message_id = request.get("X-Crossdock-Message-Id", "");
            Poco::StreamCopier::copyToString(request.stream(), got.body);
            {
                std::lock_guard lock(owner_.mutex_);
                owner_.received_.push_back(std::move(got));
            }
            response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
            response.setContentLength(0);
            response.send();
        }

    private:
        PartnerEndpoint& owner_;
    };
    class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit Factory(PartnerEndpoint& owner) : owner_(owner) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return new Handler(owner_);
        }

    private:
        PartnerEndpoint& owner_;
    };

    Poco::Net::ServerSocket socket_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    std::mutex mutex_;
    std::vector<Received> received_;
};

// Polls the message until `done` holds or 20 s pass; the last state seen.
template <typename Done>
core::Json waitFor(std::int64_t id, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    core::Json message = getMessage(id);
    while (!done(message) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        message = getMessage(id);
    }
    return message;
}

std::vector<std::int64_t> relatedIds(std::int64_t id) {
    std::vector<std::int64_t> ids;
    const core::Json message = getMessage(id);
    for (const auto& item : message.find("related")->items()) ids.push_back(*item.asInt64());
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(delivery)

BOOST_AUTO_TEST_CASE(acknowledgements_are_posted_to_the_partner) {
    (void)partnerKey();
    PartnerEndpoint endpoint;
    const std::string key = createPartner("IT-DELIVER", "ITDELIVER", "ITDELIVERGS", endpoint.url());
    auto posted =
        postInbound(document850("acme_850.edi", nextControl(), "IT-PO-D1", "ITDELIVER", "ITDELIVERGS"), key);
    BOOST_TEST_REQUIRE(posted.status == 202, posted.body);
    const auto related = relatedIds(*posted.json().find("message_id")->asInt64());
    BOOST_TEST_REQUIRE(related.size() == 2u);  // 997 and 855
    for (std::int64_t id : related) {
        const core::Json sent =
            waitFor(id, [](const core::Json& m) { return m.find("status")->asString() == "sent"; });
        BOOST_TEST(sent.find("status")->asString() == "sent", toJsonString(sent));
        BOOST_TEST(sent.find("sent_at")->isString());
    }
    auto got = endpoint.received();
    BOOST_TEST_REQUIRE(got.size() == 2u);
    auto& env = TestEnvironment::get();
    for (const auto& r : got) {
        auto raw = request(
            env.port(), {.path = "/api/v1/edi/messages/" + r.message_id + "/raw", .token = env.adminToken()});
        BOOST_TEST((r.body == raw.body));
        BOOST_TEST((r.document_type == "997" || r.document_type == "855"));
    }
}

BOOST_AUTO_TEST_CASE(failed_deliveries_are_recorded_and_retried_later) {
    (void)partnerKey();
    std::string dead_url;
    {
        Poco::Net::ServerSocket closed(Poco::Net::SocketAddress("127.0.0.1", 0));
        dead_url = "http://127.0.0.1:" + std::to_string(closed.address().port()) + "/nobody";
    }
    const std::string key = createPartner("IT-DEAD", "ITDEAD", "ITDEADGS", dead_url);
    auto posted = postInbound(
        document850("acme_850_bad_count.edi", nextControl(), "IT-PO-D2", "ITDEAD", "ITDEADGS"), key);
    BOOST_TEST_REQUIRE(posted.status == 202, posted.body);
    const auto related = relatedIds(*posted.json().find("message_id")->asInt64());
    BOOST_TEST_REQUIRE(related.size() == 1u);  // the 997 (no order, no 855)
    const core::Json ack =
        waitFor(related[0], [](const core::Json& m) { return *m.find("attempts")->asInt64() >= 1; });
    BOOST_TEST(*ack.find("attempts")->asInt64() >= 1);
    BOOST_TEST(ack.find("status")->asString() == "queued");  // retried after the backoff
    BOOST_TEST(!ack.find("last_error")->asString().empty());
}

BOOST_AUTO_TEST_SUITE_END()
