// http_bench_bare [--port N] [--post-response FILE]: a Poco HTTPServer that answers
// GET /healthz with {"status":"ok"} and 404 otherwise, sized like `crossdock serve`
// (256 threads, queue 1024, keep-alive 10 s). A POST has its body read and is
// answered with FILE's bytes (default {"status":"ok"}): given crossdock's own answer,
// the baseline moves the same bytes and does no work. Prints "listening on
// 127.0.0.1:PORT" on stderr and runs until SIGTERM or SIGINT. The baseline of
// bench/http/run.sh.
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <Poco/StreamCopier.h>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

namespace {

constexpr int kThreads = 256;

std::string post_response = R"({"status":"ok"})";  // set once in main() before the server starts

class HealthHandler final : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        static const std::string kOk = R"({"status":"ok"})";
        static const std::string kNotFound =
            R"({"error":{"code":"not_found","message":"no route","details":{}}})";
        // A POST (the /prices/resolve comparison) has its body read, as any real handler must.
        std::string ignored;
        if (request.getMethod() == "POST") Poco::StreamCopier::copyToString(request.stream(), ignored);
        const bool health = request.getURI() == "/healthz" || request.getMethod() == "POST";
        response.setStatus(health ? Poco::Net::HTTPResponse::HTTP_OK
                                  : Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
        response.setContentType("application/json");
        const std::string& body = request.getMethod() == "POST" ? post_response : health ? kOk : kNotFound;
        response.sendBuffer(body.data(), body.size());
    }
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new HealthHandler;
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::uint16_t port = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--port" && i + 1 < argc) {
            port = static_cast<std::uint16_t>(std::atoi(argv[++i]));
        } else if (word == "--post-response" && i + 1 < argc) {
            std::ifstream in(argv[++i], std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            post_response = text.str();
        } else {
            std::cerr << "usage: http_bench_bare [--port N] [--post-response FILE]\n";
            return 2;
        }
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress("127.0.0.1", port), true);
    socket.listen(1024);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(kThreads);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(10, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    Poco::ThreadPool pool(2, kThreads + 4, 60);
    Poco::Net::HTTPServer server(new Factory, pool, socket, params);
    server.start();
    std::cerr << "listening on 127.0.0.1:" << socket.address().port() << std::endl;
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    server.stopAll(true);
    pool.joinAll();
    return 0;
}
