// The portal's static files: what is served, what never is, and how it is cached.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "handlers/static_files.h"

namespace fs = std::filesystem;
using crossdock::server::etagMatches;
using crossdock::server::isSafeStaticSegment;
using crossdock::server::Response;
using crossdock::server::serveStaticFile;
using crossdock::server::staticContentType;
using crossdock::server::staticEtag;

namespace {

/// A temporary directory: <tmp>/root/{index.html, js/app.js, notes.bak} and a
/// secret beside root/ that a symbolic link inside root/ points to.
struct WebRoot {
    fs::path base;
    fs::path root;

    WebRoot() {
        std::random_device random;
        base = fs::temp_directory_path() / ("crossdock-portal-" + std::to_string(random()));
        root = base / "root";
        fs::create_directories(root / "js");
        write(root / "index.html", "<!doctype html><title>x</title>");
        write(root / "js" / "app.js", "export const x = 1;\n");
        write(root / "notes.bak", "backup");
        write(base / "secret.js", "const secret = 42;");
        fs::create_symlink(base / "secret.js", root / "js" / "leak.js");
    }
    ~WebRoot() {
        std::error_code ec;
        fs::remove_all(base, ec);
    }
    static void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
};

std::string header(const Response& response, const std::string& name) {
    auto value = response.headers.get(name);
    return value ? std::string(*value) : std::string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(static_files)

BOOST_AUTO_TEST_CASE(content_types_by_extension_and_nothing_else) {
    BOOST_TEST(*staticContentType("index.html") == "text/html; charset=utf-8");
    BOOST_TEST(*staticContentType("app.js") == "text/javascript; charset=utf-8");
    BOOST_TEST(*staticContentType("styles.css") == "text/css; charset=utf-8");
    BOOST_TEST(*staticContentType("favicon.svg") == "image/svg+xml");
    BOOST_TEST(!staticContentType("notes.bak").has_value());
    BOOST_TEST(!staticContentType("Makefile").has_value());
    BOOST_TEST(!staticContentType("app.js.orig").has_value());
}

BOOST_AUTO_TEST_CASE(segments_that_could_escape_are_refused) {
    BOOST_TEST(isSafeStaticSegment("app.js"));
    BOOST_TEST(isSafeStaticSegment("quote_builder-2.js"));
    BOOST_TEST(!isSafeStaticSegment(""));
    BOOST_TEST(!isSafeStaticSegment(".."));
    BOOST_TEST(!isSafeStaticSegment(".hidden.js"));
    BOOST_TEST(!isSafeStaticSegment("../etc/passwd"));
    BOOST_TEST(!isSafeStaticSegment("a/b.js"));
    BOOST_TEST(!isSafeStaticSegment("a\\b.js"));
    BOOST_TEST(!isSafeStaticSegment(std::string("a\0.js", 5)));
    BOOST_TEST(!isSafeStaticSegment(std::string(129, 'a')));
}

BOOST_AUTO_TEST_CASE(serves_a_file_with_etag_and_security_headers) {
    WebRoot web;
    const Response answer = serveStaticFile(web.root.string(), "js/app.js", std::nullopt);
    BOOST_TEST(answer.status == 200);
    BOOST_TEST(answer.content_type == "text/javascript; charset=utf-8");
    BOOST_TEST(answer.body == "export const x = 1;\n");
    BOOST_TEST(header(answer, "ETag") == staticEtag(answer.body));
    BOOST_TEST(header(answer, "Cache-Control") == "no-cache");
    BOOST_TEST(header(answer, "X-Content-Type-Options") == "nosniff");
    const std::string csp = header(answer, "Content-Security-Policy");
    BOOST_TEST(csp.find("script-src 'self'") != std::string::npos);
    BOOST_TEST(csp.find("frame-ancestors 'none'") != std::string::npos);
    BOOST_TEST(csp.find("unsafe-inline") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(matching_if_none_match_answers_304_without_body) {
    WebRoot web;
    const Response first = serveStaticFile(web.root.string(), "index.html", std::nullopt);
    const std::string etag = header(first, "ETag");
    const Response again = serveStaticFile(web.root.string(), "index.html", std::string_view(etag));
    BOOST_TEST(again.status == 304);
    BOOST_TEST(again.body.empty());
    BOOST_TEST(header(again, "ETag") == etag);
    const Response changed = serveStaticFile(web.root.string(), "index.html", std::string_view("\"other\""));
    BOOST_TEST(changed.status == 200);
}

BOOST_AUTO_TEST_CASE(etag_lists_weak_tags_and_star) {
    BOOST_TEST(etagMatches("\"a\", \"b\"", "\"b\""));
    BOOST_TEST(etagMatches("W/\"b\"", "\"b\""));
    BOOST_TEST(etagMatches("*", "\"b\""));
    BOOST_TEST(!etagMatches("\"a\"", "\"b\""));
    BOOST_TEST(!etagMatches("", "\"b\""));
    BOOST_TEST(staticEtag("x") != staticEtag("y"));
    BOOST_TEST(staticEtag("x") == staticEtag("x"));
}

BOOST_AUTO_TEST_CASE(missing_unlisted_and_escaping_files_are_404) {
    WebRoot web;
    BOOST_TEST(serveStaticFile(web.root.string(), "nope.js", std::nullopt).status == 404);
    BOOST_TEST(serveStaticFile(web.root.string(), "notes.bak", std::nullopt).status == 404);
    BOOST_TEST(serveStaticFile(web.root.string(), "js", std::nullopt).status == 404);
    // A symbolic link inside the root that points outside it is never followed out.
    BOOST_TEST(serveStaticFile(web.root.string(), "js/leak.js", std::nullopt).status == 404);
    BOOST_TEST(serveStaticFile(web.root.string(), "../secret.js", std::nullopt).status == 404);
    BOOST_TEST(serveStaticFile((web.base / "missing").string(), "index.html", std::nullopt).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
