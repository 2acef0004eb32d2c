#pragma once

#include "crossdock/accounts/caller.h"
#include "crossdock/core/result.h"

namespace crossdock::accounts {

/// Everything a caller can ask to do that some roles may not. The one table
/// that says who may do what lives in authorization.cpp: handlers call
/// authorize() and never test roles themselves.
enum class Action {
    ReadCompany,      ///< a customer account (buyers: their own only, enforced by scope)
    ManageCompanies,  ///< create or change customer accounts
    CreateUser,       ///< admin: any user; buyer_admin: buyers of their own company
    ManagePartners,
    ReadCatalog,
    ManageCatalog,
    ResolvePrices,
    ManagePrices,
    ReadQuotes,
    WriteQuotes,  ///< draft, edit, submit, send, revise
    ApproveQuotes,
    AcceptQuotes,  ///< accept or decline a sent quote
    ReadOrders,
    WriteOrders,
    ReadEdiMessages,
    ReplayEdiMessages,
    SendEdi,  ///< POST /edi/inbound
};

/// Ok when `caller`'s role may perform `action`; PermissionDenied otherwise.
/// Company scope is not decided here: queries take caller.scope().
core::Status authorize(const Caller& caller, Action action);

}  // namespace crossdock::accounts
