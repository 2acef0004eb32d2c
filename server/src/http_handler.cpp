// Poco glue: read the request under the body limit, run the pipeline, write the
// answer, count it. Nothing here knows about routes or JSON bodies.
#include "http_handler.h"

#include <chrono>
#include <sstream>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include "crossdock/server/error_mapping.h"
#include "event_log.h"
#include "request_id.h"

namespace crossdock::server {

namespace {

using Clock = std::chrono::steady_clock;

enum class BodyStatus { Complete, TooLarge, Broken };

// After refusing a body, how long and how much we keep reading (and discarding)
// before closing, so that the client receives the answer instead of a TCP reset
// caused by unread data (the "lingering close" of Apache and nginx).
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr auto kLingerIdle = std::chrono::milliseconds(500);
constexpr std::size_t kLingerBytes = std::size_t{64} * 1024 * 1024;
// Room for the status line and header fields of an answer.
constexpr std::size_t kHeadReserve = 512;

bool exceedsLimit(const Poco::Net::HTTPServerRequest& request, std::size_t limit) {
    return request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit);
}

BodyStatus readBody(Poco::Net::HTTPServerRequest& in, std::size_t limit, std::string& body) {
    if (in.hasContentLength()) {
        const Poco::Int64 length = in.getContentLength64();
        if (length > static_cast<Poco::Int64>(limit)) return BodyStatus::TooLarge;
        if (length <= 0) return BodyStatus::Complete;
        body.resize(static_cast<std::size_t>(length));
        in.stream().read(body.data(), static_cast<std::streamsize>(length));
        return in.stream().gcount() == length ? BodyStatus::Complete : BodyStatus::Broken;
    }
    // HTTP/1.1 without Content-Length: a body only when chunked.
    if (!in.getChunkedTransferEncoding()) return BodyStatus::Complete;
    char chunk[16 * 1024];
    while (true) {
        in.stream().read(chunk, sizeof chunk);
        const auto n = static_cast<std::size_t>(in.stream().gcount());
        if (n == 0) break;
        body.append(chunk, n);
        if (body.size() > limit) return BodyStatus::TooLarge;
    }
    return in.stream().bad() ? BodyStatus::Broken : BodyStatus::Complete;
}

void sendAll(Poco::Net::StreamSocket& socket, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        const int n = socket.sendBytes(data.data() + sent, static_cast<int>(data.size() - sent));
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

/// Writes `response` (already complete, Connection: close) straight to the socket,
/// then reads and discards what the client still sends for a while before the
/// connection is closed. Poco's sendBuffer() would keep the answer in its buffer
/// until the handler returns, too late for the half-close.
void sendAndLinger(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   const std::string& body) {
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (impl == nullptr) {
        response.sendBuffer(body.data(), body.size());
        return;
    }
    Poco::Net::StreamSocket& socket = impl->socket();
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    std::ostringstream text;
    response.write(text);
    text << body;
    const auto deadline = Clock::now() + kLingerTime;
    std::size_t drained = 0;
    char sink[16 * 1024];
    sendAll(socket, text.str());
    try {
        socket.shutdownSend();
        while (drained < kLingerBytes && Clock::now() < deadline) {
            const auto idle = std::chrono::duration_cast<std::chrono::microseconds>(kLingerIdle).count();
            if (!socket.poll(Poco::Timespan(idle), Poco::Net::Socket::SELECT_READ)) break;
            const int n = socket.receiveBytes(sink, sizeof sink);
            if (n <= 0) break;
            drained += static_cast<std::size_t>(n);
        }
    } catch (const Poco::Exception&) {
        // The peer has gone already: there is nothing left to protect.
    }
}

/// Splits a request target into raw path and query (origin-form or absolute-form).
void splitTarget(const std::string& target, std::string& path, std::string& query) {
    std::string_view rest = target;
    if (!rest.empty() && rest.front() != '/') {
        const std::size_t scheme = rest.find("://");
        if (scheme != std::string_view::npos) {
            const std::size_t slash = rest.find('/', scheme + 3);
            rest = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
        }
    }
    const std::size_t fragment = rest.find('#');
    rest = rest.substr(0, fragment);
    const std::size_t question = rest.find('?');
    path = std::string(rest.substr(0, question));
    query = question == std::string_view::npos ? std::string() : std::string(rest.substr(question + 1));
}

// The body limit of a matched route: its own when larger (whole documents), else the server's.
std::size_t bodyLimit(const HandlerEnvironment& environment, const RouteMatch& match) {
    if (match.kind == RouteMatch::Kind::Found &&
        match.route->spec.max_body_bytes > environment.max_body_bytes) {
        return match.route->spec.max_body_bytes;
    }
    return environment.max_body_bytes;
}

/// True when the declared body is over the limit of the route the request goes to.
/// The route is only looked up when the body is over the server's limit (the route's
/// limit is never smaller), so a common request is not matched here at all.
bool declaredTooLarge(const HandlerEnvironment& environment, const Poco::Net::HTTPServerRequest& request) {
    if (!exceedsLimit(request, environment.max_body_bytes)) return false;
    std::string path;
    std::string query;
    splitTarget(request.getURI(), path, query);
    return exceedsLimit(request, bodyLimit(environment, environment.router.match(request.getMethod(), path)));
}

/// Poco's status line and header fields (HTTPResponse::write), appended to `wire`.
void appendHead(std::string& wire, const Poco::Net::HTTPServerResponse& response) {
    wire += response.getVersion();
    wire += ' ';
    wire += std::to_string(static_cast<int>(response.getStatus()));
    wire += ' ';
    wire += response.getReason();
    wire += "\r\n";
    for (auto it = response.begin(); it != response.end(); ++it) {
        wire += it->first;
        wire += ": ";
        wire += it->second;
        wire += "\r\n";
    }
    wire += "\r\n";
}

/// Writes the whole answer (status line, fields, body) with one send() on a kept-alive
/// connection: the same bytes as Poco's sendBuffer(), which goes through the session's
/// 4 KiB buffer and so costs three send() calls and three TCP segments for a 10 KB body.
/// A HEAD answer carries the body's Content-Length and no body, as with sendBuffer().
void sendWhole(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
               const std::string& body) {
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (impl == nullptr) {
        response.sendBuffer(body.data(), body.size());
        return;
    }
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.setChunkedTransferEncoding(false);
    const bool head = request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD;
    std::string wire;
    wire.reserve(kHeadReserve + (head ? 0 : body.size()));
    appendHead(wire, response);
    if (!head) wire += body;
    sendAll(impl->socket(), wire);
}

void send(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out, const Response& answer,
          const std::string& request_id, bool close) {
    out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
    if (!answer.content_type.empty()) out.setContentType(answer.content_type);
    for (const auto& [name, value] : answer.headers.all()) out.add(name, value);
    out.set("X-Request-Id", request_id);
    if (close) {
        out.setKeepAlive(false);
        sendAndLinger(in, out, answer.body);
    } else {
        sendWhole(in, out, answer.body);
    }
}

class RequestHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit RequestHandler(const HandlerEnvironment& environment) : environment_(environment) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override;

private:
    Request readRequest(Poco::Net::HTTPServerRequest& in) const;
    void finish(const Request& request, const Route* route, int status, std::size_t bytes) const;

    const HandlerEnvironment& environment_;
    Clock::time_point start_ = Clock::now();
    std::chrono::system_clock::time_point wall_start_ = std::chrono::system_clock::now();
};

Request RequestHandler::readRequest(Poco::Net::HTTPServerRequest& in) const {
    Request request;
    request.method = in.getMethod();
    splitTarget(in.getURI(), request.path, request.query_string);
    for (const auto& [name, value] : in) request.headers.add(name, value);
    request.remote = in.clientAddress().toString();
    auto inbound_id = request.headers.get("X-Request-Id");
    request.request_id =
        inbound_id && isSaneRequestId(*inbound_id) ? std::string(*inbound_id) : newRequestId();
    return request;
}

void RequestHandler::handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) {
    environment_.metrics.requestStarted();
    Request request = readRequest(in);
    RouteMatch match = environment_.router.match(request.method, request.path);
    BodyStatus body = BodyStatus::Complete;
    const std::size_t limit = bodyLimit(environment_, match);
    if (!exceedsLimit(in, limit))
        body = readBody(in, limit, request.body);
    else
        body = BodyStatus::TooLarge;

    PipelineResult result;
    if (body == BodyStatus::Complete) {
        result = environment_.pipeline.handle(request, std::move(match));
    } else if (body == BodyStatus::TooLarge) {
        result.route = match.route;
        result.response = errorResponse(413, "payload_too_large",
                                        "the request body exceeds " + std::to_string(limit) + " bytes");
    } else {
        result.route = match.route;
        result.response = errorResponse(400, "bad_request", "the request body could not be read");
    }
    const bool close = body != BodyStatus::Complete;
    try {
        send(in, out, result.response, request.request_id, close);
    } catch (const Poco::Exception& e) {
        logEvent("warn", "could not send the answer: " + e.displayText(), request.request_id);
    }
    finish(request, result.route, result.response.status, result.response.body.size());
}

void RequestHandler::finish(const Request& request, const Route* route, int status, std::size_t bytes) const {
    const auto duration = Clock::now() - start_;
    const std::size_t route_index = route != nullptr ? route->index : environment_.metrics.unmatchedRoute();
    environment_.metrics.record(route_index, request.method, status, duration);
    environment_.metrics.requestFinished();
    if (environment_.access_log == nullptr) return;
    AccessRecord record;
    record.start = wall_start_;
    record.request_id = request.request_id;
    record.method = request.method;
    record.path = request.path;
    record.route = route != nullptr ? std::string_view(route->spec.pattern) : std::string_view("unmatched");
    record.status = status;
    record.bytes = bytes;
    record.duration = duration;
    record.remote = request.remote;
    environment_.access_log->write(record);
}

}  // namespace

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
    if (declaredTooLarge(environment_, request)) {
        request.response().setStatus(Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
    }
    return new RequestHandler(environment_);
}

}  // namespace crossdock::server
