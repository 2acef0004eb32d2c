// `crossdock edi parse` and `crossdock edi ingest` as a user runs them.
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "edi_fixture.h"

using namespace crossdock;
using namespace crossdock::integration;
using namespace crossdock::integration::edi_test;

namespace {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

Run crossdockEdi(const std::string& arguments) {
    static int counter = 0;
    auto& env = TestEnvironment::get();
    const auto out = env.dir() / ("edi-cli-" + std::to_string(++counter) + ".out");
    const auto err = env.dir() / ("edi-cli-" + std::to_string(counter) + ".err");
    const int status = runCommand(shellQuote(CROSSDOCK_BINARY) + " edi " + arguments + " >" +
                                  shellQuote(out.string()) + " 2>" + shellQuote(err.string()));
    return Run{status, readFile(out), readFile(err)};
}

std::string corpus(const std::string& relative) {
    return shellQuote(std::string(CROSSDOCK_CORPUS_DIR) + "/" + relative);
}

std::string writeTemp(const std::string& name, const std::string& bytes) {
    const auto path = TestEnvironment::get().dir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(edi_cli)

BOOST_AUTO_TEST_CASE(parse_prints_canonical_json_of_a_corpus_850) {
    Run run = crossdockEdi("parse " + corpus("x12/node-x12/850.edi"));
    BOOST_TEST(run.code == 0, run.err);
    auto json = core::parseJson(run.out);
    BOOST_TEST_REQUIRE(json.ok(), run.out.substr(0, 200));
    const core::Json& interchange = json->find("interchanges")->items().front();
    BOOST_TEST(interchange.find("groups")->items().front().find("transactions")->size() >= 1u);
    BOOST_TEST(json->find("summary")->find("errors")->numberText() == "0");
}

BOOST_AUTO_TEST_CASE(parse_reports_positioned_errors_and_exits_1) {
    Run run = crossdockEdi("parse " + corpus("x12/EDI.Net/x12.832.edi"));
    BOOST_TEST(run.code == 1);
    BOOST_TEST(run.err.find("x12.832.edi") != std::string::npos, run.err);
    BOOST_TEST(run.err.find("segment 14") != std::string::npos, run.err);
    BOOST_TEST(run.err.find("SE") != std::string::npos, run.err);
    BOOST_TEST(core::parseJson(run.out).ok());  // the JSON still comes, issues included
}

BOOST_AUTO_TEST_CASE(parse_detects_formats_it_does_not_read_yet) {
    Run edifact = crossdockEdi("parse " + corpus("edifact/staedi/invoic_d93a_una.edi"));
    BOOST_TEST(edifact.code == 1);
    BOOST_TEST(edifact.err.find("EDIFACT documents are not supported yet") != std::string::npos, edifact.err);
    Run junk = crossdockEdi("parse " + shellQuote(writeTemp("junk.txt", "hello")));
    BOOST_TEST(junk.code == 1);
    BOOST_TEST(junk.err.find("not an X12, EDIFACT, cXML or UBL document") != std::string::npos, junk.err);
    BOOST_TEST(crossdockEdi("parse /nonexistent/file.edi").code == 1);
    BOOST_TEST(crossdockEdi("parse").code == 2);
    BOOST_TEST(crossdockEdi("frobnicate x").code == 2);
    Run help = crossdockEdi("--help");
    BOOST_TEST(help.code == 0);
    BOOST_TEST(help.out.find("ingest FILE --partner ID") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ingest_runs_the_pipeline_offline) {
    auto& env = TestEnvironment::get();
    (void)partnerKey();
    const std::string file = writeTemp("ingest.edi", document850("acme_850.edi", nextControl(), "IT-PO-CLI"));
    const std::string args =
        "ingest " + shellQuote(file) + " --partner " + kPartnerId + " --db " + shellQuote(env.dbUrl());
    Run first = crossdockEdi(args);
    BOOST_TEST_REQUIRE(first.code == 0, first.err);
    auto result = core::parseJson(first.out);
    BOOST_TEST_REQUIRE(result.ok(), first.out);
    BOOST_TEST(result->find("status")->asString() == "processed");
    const std::int64_t id = *result->find("message_id")->asInt64();
    // The server sees what the command stored: the same database, the same log.
    const core::Json message = getMessage(id);
    BOOST_TEST(message.find("status")->asString() == "processed");
    BOOST_TEST(message.find("related")->size() == 2u);

    Run again = crossdockEdi(args);
    BOOST_TEST(again.code == 1);
    BOOST_TEST(again.out.find("\"status\":\"duplicate\"") != std::string::npos, again.out);
    BOOST_TEST(again.err.find("TA1 025") != std::string::npos, again.err);

    Run unknown =
        crossdockEdi("ingest " + shellQuote(file) + " --partner NOPE --db " + shellQuote(env.dbUrl()));
    BOOST_TEST(unknown.code == 1);
    BOOST_TEST(unknown.err.find("no partner NOPE") != std::string::npos, unknown.err);
    BOOST_TEST(crossdockEdi("ingest " + shellQuote(file)).code == 2);  // --partner is required
}

BOOST_AUTO_TEST_SUITE_END()
