// The portal (web/) at "/": index.html, top-level assets and the js/ folder. The
// portal routes inside the page (#/catalog), so only real files are served here.
#include <string>

#include "crossdock/server/error_mapping.h"
#include "handlers.h"
#include "static_files.h"

namespace crossdock::server {

namespace {

/// Folders under the web root that hold assets, each served as "/<folder>/{file}".
/// A literal first segment keeps these routes away from the API's paths.
constexpr const char* kAssetFolders[] = {"js", "img"};

core::Result<Response> serveNamed(const std::string& web_root, const RequestContext& ctx,
                                  const std::string& relative) {
    return serveStaticFile(web_root, relative, ctx.request().header("If-None-Match"));
}

Handler fileHandler(const std::string& web_root, std::string folder) {
    return [web_root, folder](const RequestContext& ctx) -> core::Result<Response> {
        const std::string& file = ctx.param("file");
        if (!isSafeStaticSegment(file)) return errorResponse(404, "not_found", "no such file");
        return serveNamed(web_root, ctx, folder.empty() ? file : folder + "/" + file);
    };
}

}  // namespace

void registerStaticRoutes(Router& router, const std::string& web_root) {
    router.add(
        {.method = "GET",
         .pattern = "/",
         .handler = [web_root](const RequestContext& ctx) { return serveNamed(web_root, ctx, "index.html"); },
         .access = Access::Public});
    router.add({.method = "GET",
                .pattern = "/{file}",
                .handler = fileHandler(web_root, ""),
                .access = Access::Public});
    for (const char* folder : kAssetFolders) {
        router.add({.method = "GET",
                    .pattern = std::string("/") + folder + "/{file}",
                    .handler = fileHandler(web_root, folder),
                    .access = Access::Public});
    }
}

}  // namespace crossdock::server
