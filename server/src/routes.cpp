// Every endpoint, in one list.
#include "routes.h"

#include "handlers/handlers.h"

namespace crossdock::server {

void registerRoutes(Router& router, const Services& services) {
    registerHealthRoutes(router, services.metrics);
    registerAuthRoutes(router, services.auth, services.config.auth.failed_login_window);
    registerCustomerRoutes(router, services.store.companies());
    registerUserRoutes(router, services.store.users());
}

}  // namespace crossdock::server
