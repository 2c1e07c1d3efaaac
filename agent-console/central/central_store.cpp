#include "central/central_store.h"

#include <cstdio>
#include <ctime>
#include <map>
#include <set>
#include <string_view>

#include "central/central_schema.h"
#include "protocol/codec.h"
#include "text/catalog.h"

namespace pcn::central {

namespace {

using protocol::Json;

std::int64_t millis(util::TimePoint t) { return t.time_since_epoch().count(); }

Json optional_millis(const std::optional<util::TimePoint>& t) {
  return t ? Json(millis(*t)) : Json(nullptr);
}

Json optional_code(const std::string& code) { return code.empty() ? Json(nullptr) : Json(code); }

/// The row of pilot_tickets for `t` after event `seq`, as jsonb_to_recordset reads it.
Json ticket_row(const queue::Ticket& t, std::int64_t seq) {
  Json row = {{"id", t.id},
              {"day", t.day.to_string()},
              {"label", t.label()},
              {"service", std::string(1, t.service)},
              {"priority", t.priority},
              {"state", std::string(queue::to_string(t.state))},
              {"issued_ms", millis(t.issued_at)},
              {"queued_ms", millis(t.queued_at)},
              {"called_ms", optional_millis(t.called_at)},
              {"finished_ms", optional_millis(t.finished_at)},
              {"counter", t.counter ? Json(*t.counter) : Json(nullptr)},
              {"calls", t.calls},
              {"no_shows", t.no_shows},
              {"transfers", t.transfers},
              {"print", std::string(queue::to_string(t.print))},
              {"seq", seq}};
  const queue::Outcome o = t.outcome.value_or(queue::Outcome{});
  row["partner"] = o.partner;
  row["theme"] = o.theme;
  row["autonomy"] = optional_code(o.autonomy);
  row["result"] = optional_code(o.result);
  row["orientation"] = optional_code(o.orientation);
  row["first_visit"] = optional_code(o.first_visit);
  row["age_band"] = optional_code(o.age_band);
  row["situation"] = optional_code(o.situation);
  row["commune"] = optional_code(o.commune);
  row["equipment"] = optional_code(o.equipment);
  return row;
}

constexpr std::string_view kCopyEvents =
    "COPY events (agency, store, seq, day, at, kind, counter, ticket, body) FROM STDIN";

/// "2026-11-23 21:00:00.123+00": an instant as timestamptz reads it, in UTC.
std::string utc_text(util::TimePoint t) {
  const std::int64_t ms = millis(t);
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[96];  // room for any int the compiler can imagine
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%03d+00", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
  return text;
}

constexpr std::string_view kUpsertTickets = R"sql(
INSERT INTO pilot_tickets AS p (agency, store, ticket, day, label, service, priority, state,
  issued_at, queued_at, called_at, finished_at, counter, calls, no_shows, transfers,
  wait_seconds, counter_seconds, print, partner, theme, autonomy, result, orientation,
  first_visit, age_band, situation, commune, equipment, last_seq)
SELECT $1, $2, t.id, t.day, t.label, t.service, t.priority, t.state,
       to_timestamp(t.issued_ms / 1000.0), to_timestamp(t.queued_ms / 1000.0),
       to_timestamp(t.called_ms / 1000.0), to_timestamp(t.finished_ms / 1000.0),
       t.counter, t.calls, t.no_shows, t.transfers,
       CASE WHEN t.called_ms IS NOT NULL THEN (t.called_ms - t.issued_ms) / 1000 END,
       CASE WHEN t.state = 'done' AND t.called_ms IS NOT NULL AND t.finished_ms IS NOT NULL
            THEN (t.finished_ms - t.called_ms) / 1000 END,
       t.print, coalesce(t.partner, '{}'), coalesce(t.theme, '{}'), t.autonomy, t.result,
       t.orientation, t.first_visit, t.age_band, t.situation, t.commune, t.equipment, t.seq
  FROM jsonb_to_recordset($3::jsonb)
       AS t(id bigint, day date, label text, service text, priority boolean, state text,
            issued_ms bigint, queued_ms bigint, called_ms bigint, finished_ms bigint,
            counter integer, calls integer, no_shows integer, transfers integer, print text,
            partner text[], theme text[], autonomy text, result text, orientation text,
            first_visit text, age_band text, situation text, commune text, equipment text,
            seq bigint)
ON CONFLICT (agency, store, ticket) DO UPDATE SET
  day = EXCLUDED.day, label = EXCLUDED.label, service = EXCLUDED.service,
  priority = EXCLUDED.priority, state = EXCLUDED.state, issued_at = EXCLUDED.issued_at,
  queued_at = EXCLUDED.queued_at, called_at = EXCLUDED.called_at,
  finished_at = EXCLUDED.finished_at, counter = EXCLUDED.counter, calls = EXCLUDED.calls,
  no_shows = EXCLUDED.no_shows, transfers = EXCLUDED.transfers,
  wait_seconds = EXCLUDED.wait_seconds, counter_seconds = EXCLUDED.counter_seconds,
  print = EXCLUDED.print, partner = EXCLUDED.partner, theme = EXCLUDED.theme,
  autonomy = EXCLUDED.autonomy, result = EXCLUDED.result, orientation = EXCLUDED.orientation,
  first_visit = EXCLUDED.first_visit, age_band = EXCLUDED.age_band,
  situation = EXCLUDED.situation, commune = EXCLUDED.commune, equipment = EXCLUDED.equipment,
  last_seq = EXCLUDED.last_seq
WHERE p.last_seq < EXCLUDED.last_seq)sql";

constexpr std::string_view kInsertWorkshops = R"sql(
INSERT INTO pilot_workshops (agency, store, seq, day, at, theme, participants, minutes, counter)
SELECT $1, $2, w.seq, w.day, to_timestamp(w.at_ms / 1000.0), w.theme, w.participants,
       w.minutes, w.counter
  FROM jsonb_to_recordset($3::jsonb)
       AS w(seq bigint, day date, at_ms bigint, theme text, participants integer,
            minutes integer, counter integer)
ON CONFLICT DO NOTHING)sql";

}  // namespace

util::Result<CentralStore> CentralStore::open(const std::string& conninfo) {
  auto db = PgConnection::open(conninfo);
  if (!db.ok()) return db.error();
  PCN_TRY(migrate(*db));
  return CentralStore(std::move(*db));
}

util::Result<std::int64_t> CentralStore::acknowledged(const std::string& agency,
                                                      const std::string& store) {
  auto r = db_.exec("SELECT acknowledged FROM agency_stores WHERE agency = $1 AND store = $2",
                    {agency, store}, text::central_db_reading_ack());
  if (!r.ok()) return r.error();
  return r->size() == 0 ? 0 : r->integer(0, 0);
}

util::Result<std::int64_t> CentralStore::lock_store(const Batch& batch) {
  const std::string what = text::central_db_storing(batch.agency);
  PCN_TRY(db_.exec("INSERT INTO agencies (id, name, time_zone) VALUES ($1, $2, $3) "
                   "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, "
                   "time_zone = EXCLUDED.time_zone",
                   {batch.agency, batch.name, batch.time_zone}, what));
  PCN_TRY(db_.exec("UPDATE agencies SET last_contact = now() WHERE id = $1", {batch.agency}, what));
  if (!batch.follow_key.empty()) {
    PCN_TRY(db_.exec("UPDATE agencies SET follow_key = $2 WHERE id = $1",
                     {batch.agency, batch.follow_key}, what));
  }
  if (batch.profile) {
    PCN_TRY(db_.exec("UPDATE agencies SET profile = $2::jsonb WHERE id = $1",
                     {batch.agency, protocol::encode(*batch.profile).dump()}, what));
  }
  PCN_TRY(db_.exec("INSERT INTO agency_stores (agency, store) VALUES ($1, $2) "
                   "ON CONFLICT DO NOTHING",
                   {batch.agency, batch.store}, what));
  auto ack = db_.exec("SELECT acknowledged FROM agency_stores "
                      "WHERE agency = $1 AND store = $2 FOR UPDATE",
                      {batch.agency, batch.store}, what);
  if (!ack.ok()) return ack.error();
  return ack->integer(0, 0);
}

util::Status CentralStore::insert_rows(std::string_view sql, const Batch& batch,
                                       const Json& rows) {
  if (rows.empty()) return util::Status::success();
  auto done = db_.exec(std::string(sql), {batch.agency, batch.store, rows.dump()},
                       text::central_db_storing(batch.agency));
  if (!done.ok()) return done.error();
  return util::Status::success();
}

util::Status CentralStore::insert_events(const Batch& batch, std::int64_t after) {
  // COPY, not INSERT: the largest table, and only sequences after the acknowledgement, read
  // under the store's row lock, so none can be there already.
  std::string rows;
  const std::string agency = copy_text_field(batch.agency);
  const std::string store = copy_text_field(batch.store);
  for (const queue::Event& e : batch.events) {
    if (e.seq <= after) continue;
    const queue::Change& c = e.change;
    auto nullable = [](const auto& v) {
      return v ? std::to_string(*v) : std::string(kCopyNull);
    };
    rows += agency + '\t' + store + '\t' + std::to_string(e.seq) + '\t' + c.day.to_string() +
            '\t' + utc_text(c.at) + '\t' + std::string(queue::to_string(c.kind)) + '\t' +
            nullable(c.counter) + '\t' + nullable(c.ticket) + '\t' +
            copy_text_field(protocol::encode(c).dump()) + '\n';
  }
  if (rows.empty()) return util::Status::success();
  return db_.copy_in(std::string(kCopyEvents), rows, text::central_db_storing(batch.agency));
}

util::Status CentralStore::upsert_tickets(const Batch& batch, std::int64_t after) {
  std::map<queue::TicketId, Json> newest;  // a ticket's row after its last event of the batch
  for (const queue::Event& e : batch.events) {
    if (e.seq <= after || e.change.kind == queue::ChangeKind::test_ticket) continue;
    for (const queue::Ticket& t : e.change.tickets) newest[t.id] = ticket_row(t, e.seq);
  }
  if (newest.empty()) return util::Status::success();
  Json rows = Json::array();
  for (auto& [id, row] : newest) rows.push_back(std::move(row));
  return insert_rows(kUpsertTickets, batch, rows);
}

util::Status CentralStore::insert_workshops(const Batch& batch, std::int64_t after) {
  Json rows = Json::array();
  for (const queue::Event& e : batch.events) {
    if (e.seq <= after || !e.change.workshop) continue;
    const queue::Workshop& w = *e.change.workshop;
    rows.push_back({{"seq", e.seq},
                    {"day", e.change.day.to_string()},
                    {"at_ms", millis(e.change.at)},
                    {"theme", w.theme},
                    {"participants", w.participants},
                    {"minutes", w.minutes},
                    {"counter", w.counter ? Json(*w.counter) : Json(nullptr)}});
  }
  return insert_rows(kInsertWorkshops, batch, rows);
}

util::Status CentralStore::mark_days_stale(const Batch& batch, std::int64_t after) {
  std::set<std::string> days;
  for (const queue::Event& e : batch.events) {
    if (e.seq > after && (!e.change.tickets.empty() || e.change.workshop)) {
      days.insert(e.change.day.to_string());
      for (const queue::Ticket& t : e.change.tickets) days.insert(t.day.to_string());
    }
  }
  if (days.empty()) return util::Status::success();
  std::string list = "{";
  for (const std::string& d : days) list += (list.size() > 1 ? "," : "") + d;
  list += "}";
  auto done = db_.exec("INSERT INTO dashboard_stale SELECT $1, unnest($2::date[]) "
                       "ON CONFLICT DO NOTHING",
                       {batch.agency, list}, text::central_db_storing(batch.agency));
  if (!done.ok()) return done.error();
  return util::Status::success();
}

util::Result<std::int64_t> CentralStore::store(const Batch& batch) {
  PCN_TRY(protocol::check_ship(batch));
  auto tx = PgTransaction::begin(db_);
  if (!tx.ok()) return tx.error();
  auto ack = lock_store(batch);
  if (!ack.ok()) return ack.error();
  if (batch.events.empty() || batch.events.back().seq <= *ack) {  // all stored already
    PCN_TRY(tx->commit());  // the agency's name, time zone and profile, as just sent
    return *ack;
  }
  if (batch.events.front().seq > *ack + 1) {
    return util::make_error("bad_batch",
                            text::central_bad_batch_gap(batch.events.front().seq, *ack));
  }
  PCN_TRY(insert_events(batch, *ack));
  PCN_TRY(upsert_tickets(batch, *ack));
  PCN_TRY(insert_workshops(batch, *ack));
  PCN_TRY(mark_days_stale(batch, *ack));
  const std::int64_t last = batch.events.back().seq;
  const std::string what = text::central_db_storing(batch.agency);
  PCN_TRY(db_.exec("UPDATE agency_stores SET acknowledged = $3 WHERE agency = $1 AND store = $2",
                   {batch.agency, batch.store, std::to_string(last)}, what));
  PCN_TRY(db_.exec("UPDATE agencies SET last_received = now(), last_event_at = "
                   "greatest(last_event_at, to_timestamp($2::bigint / 1000.0)) WHERE id = $1",
                   {batch.agency, std::to_string(millis(batch.events.back().change.at))}, what));
  PCN_TRY(tx->commit());
  return last;
}

}  // namespace pcn::central
