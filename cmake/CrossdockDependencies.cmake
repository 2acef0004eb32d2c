# Third-party libraries, all from Debian packages (scripts/install-deps.sh installs them).

# Debian's PocoDataPostgreSQL config expects a PostgreSQL::client target: define it first.
find_package(PostgreSQL REQUIRED)
if(NOT TARGET PostgreSQL::client)
  add_library(PostgreSQL::client INTERFACE IMPORTED)
  target_link_libraries(PostgreSQL::client INTERFACE PostgreSQL::PostgreSQL)
endif()

find_package(Poco REQUIRED COMPONENTS Foundation Net NetSSL Crypto Util JSON XML Data DataSQLite DataPostgreSQL)
find_package(OpenSSL 3 REQUIRED)
find_package(XercesC REQUIRED)
find_package(Boost CONFIG REQUIRED COMPONENTS unit_test_framework)
find_package(Threads REQUIRED)
