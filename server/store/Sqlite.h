// Thin RAII wrapper over the SQLite C API for fg_store's own use (private to server/store).
// The only file outside Sqlite.cpp that sees sqlite3 types; never include it from other folders.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fg::store::sql {

// A prepared statement; binds are 1-based like SQLite, step() reports whether a row is ready.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value);
    void bind(int index, std::string_view value);
    void bind(int index, const std::string& value) { bind(index, std::string_view(value)); }
    void bind(int index, const char* value) { bind(index, std::string_view(value)); }
    void bind(int index, std::nullopt_t);
    template <class T>
    void bind(int index, const std::optional<T>& value) {
        if (value)
            bind(index, *value);
        else
            bind(index, std::nullopt);
    }

    // Binds every argument in order starting at 1.
    template <class... Args>
    void bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
    }

    Result<bool> step(); // true: a row is ready; false: done
    Status run();        // steps to completion, ignoring rows
    void reset();

    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Result<Statement> prepare(std::string_view sql);
    // Prepares, binds ARGS and runs to completion.
    template <class... Args>
    Status run(std::string_view sql, const Args&... args) {
        auto st = prepare(sql);
        if (!st) return st.error();
        st->bindAll(args...);
        return st->run();
    }
    // Runs one or more statements without parameters.
    Status exec(std::string_view sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    const std::string& name() const { return m_name; }

private:
    Database(sqlite3* db, std::string name) : m_db(db), m_name(std::move(name)) {}
    sqlite3* m_db = nullptr;
    std::string m_name;
};

// The remaining rows of ST, each made into a T by READ(ST).
template <class T, class F>
Result<std::vector<T>> collect(Statement& st, F read) {
    std::vector<T> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(read(st));
    }
}

// Every row of QUERY (no parameters), each made into a T by READ(statement).
template <class T, class F>
Result<std::vector<T>> collect(Database& db, std::string_view query, F read) {
    auto st = db.prepare(query);
    if (!st) return st.error();
    return collect<T>(*st, read);
}

// BEGIN IMMEDIATE on construction; rolls back in the destructor unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Status begun() const { return m_begin; }
    Status commit();

private:
    Database& m_db;
    Status m_begin;
    bool m_done = false;
};

} // namespace fg::store::sql
