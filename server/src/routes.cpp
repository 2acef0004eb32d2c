// Every endpoint, in one list.
#include "routes.h"

#include "handlers/handlers.h"
#include "state/edi_services.h"

namespace crossdock::server {

void registerRoutes(Router& router, const Services& services) {
    registerHealthRoutes(router, services.metrics);
    registerAuthRoutes(router, services.auth, services.config.auth.failed_login_window);
    registerCustomerRoutes(router, services.runtime);
    registerProductRoutes(router, services.runtime);
    registerPriceRoutes(router, services.runtime);
    registerPriceListRoutes(router, services.runtime);
    registerImportRoutes(router, services.runtime);
    registerUserRoutes(router, services.store.users());
    registerPartnerRoutes(
        router, {*services.runtime.edi().repositories.partners, services.store.companies(), services.auth});
    registerEdiRoutes(router, services.runtime.edi());
    registerQuoteRoutes(router, services.runtime.sales());
    registerOrderRoutes(router, services.runtime.sales(), services.clock);
    registerOutboxRoutes(router, services.runtime.sales());
    registerStaticRoutes(router, services.config.web_root);
}

}  // namespace crossdock::server
