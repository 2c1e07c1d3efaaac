#include "protocol/ship.h"

#include <string>

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "protocol/follow_token.h"
#include "protocol/messages.h"
#include "text/catalog.h"

namespace pcn::protocol {

namespace {

util::Error bad_batch(const std::string& why) { return util::make_error("bad_batch", why); }

util::Result<queue::Event> decode_event_at(const Json& j, const std::string& path) {
  Fields f(j, path);
  queue::Event e;
  Json change;
  f.read("seq", e.seq, 1).read_object("change", change, true);
  if (!f.ok()) return f.error();
  auto c = decode_change_at(change, path + ".change");
  if (!c.ok()) return c.error();
  e.change = std::move(*c);
  return e;
}

util::Result<Json> versioned_object(std::string_view frame, std::string_view type) {
  if (frame.size() > kMaxShipBytes) {
    return util::make_error(std::string(error_code::too_large),
                            text::request_too_large(static_cast<long long>(frame.size()),
                                                    static_cast<long long>(kMaxShipBytes)));
  }
  auto j = parse_frame_object(frame);
  if (!j.ok()) return j.error();
  Fields f(*j, "");
  int v = 0;
  std::string got;
  f.read("v", v, 1).read("type", got);
  if (!f.ok()) return f.error();
  if (v != kProtocolVersion) {
    return util::make_error(std::string(error_code::bad_version),
                            text::protocol_version_unsupported(std::to_string(v), kProtocolVersion));
  }
  if (got != type && !(type == "ack" && got == "refused")) {
    return util::make_error(std::string(error_code::bad_request),
                            text::field_invalid("type", text::expect_value(std::string(type))));
  }
  return j;
}

}  // namespace

util::Status check_ship(const ShipBatch& batch) {
  auto sized = [](const std::string& s, std::size_t max) { return !s.empty() && s.size() <= max; };
  if (!sized(batch.agency, kMaxAgencyIdBytes)) return bad_batch(text::central_bad_batch_field("agency"));
  if (!sized(batch.store, kMaxShipTextBytes)) return bad_batch(text::central_bad_batch_field("store"));
  if (!sized(batch.time_zone, kMaxShipTextBytes)) {
    return bad_batch(text::central_bad_batch_field("time_zone"));
  }
  if (batch.name.size() > kMaxShipTextBytes) return bad_batch(text::central_bad_batch_field("name"));
  if (batch.events.size() > kMaxShipEvents) {
    return bad_batch(text::central_bad_batch_too_many(batch.events.size(), kMaxShipEvents));
  }
  for (std::size_t i = 0; i < batch.events.size(); ++i) {
    const std::int64_t seq = batch.events[i].seq;
    if (seq < 1 || (i > 0 && seq != batch.events[i - 1].seq + 1)) {
      return bad_batch(text::central_bad_batch_order(seq));
    }
  }
  return util::Status::success();
}

namespace {

/// Every member of the frame but its events.
Json ship_head(const ShipBatch& batch) {
  Json frame{{"v", kProtocolVersion}, {"type", "ship"},        {"agency", batch.agency},
             {"name", batch.name},    {"time_zone", batch.time_zone}, {"store", batch.store}};
  if (batch.profile) frame["profile"] = encode(*batch.profile);
  if (!batch.follow_key.empty()) frame["follow_key"] = batch.follow_key;
  return frame;
}

/// The frame's follow_key into batch.follow_key (lowercase), or why not into follow_key_error.
void read_follow_key(const Json& frame, ShipBatch& batch) {
  if (!frame.contains("follow_key") || frame.at("follow_key").is_null()) return;
  const Json& value = frame.at("follow_key");
  auto key = value.is_string() ? follow_key_from_hex(value.get<std::string>()) : std::nullopt;
  if (key) {
    batch.follow_key = follow_key_hex(*key);
  } else {
    batch.follow_key_error = text::ship_bad_follow_key();
  }
}

}  // namespace

std::string encode_ship(const ShipBatch& batch) {
  Json events = Json::array();
  for (const queue::Event& e : batch.events) {
    events.push_back({{"seq", e.seq}, {"change", encode(e.change)}});
  }
  Json frame = ship_head(batch);
  frame["events"] = std::move(events);
  return frame.dump();
}

std::string encode_ship_raw(const ShipBatch& head, const std::vector<RawEvent>& events) {
  std::string out = ship_head(head).dump();
  out.pop_back();  // the closing brace: the events go before it
  out += R"(,"events":[)";
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i > 0) out += ',';
    out += R"({"seq":)" + std::to_string(events[i].seq) + R"(,"change":)" + events[i].change + '}';
  }
  out += "]}";
  return out;
}

util::Result<ShipBatch> decode_ship(std::string_view frame) {
  auto j = versioned_object(frame, "ship");
  if (!j.ok()) return j.error();
  Fields f(*j, "");
  ShipBatch batch;
  f.read("agency", batch.agency)
      .read("name", batch.name)
      .read("time_zone", batch.time_zone)
      .read("store", batch.store);
  if (!f.ok()) return f.error();
  // The size is checked before the events are decoded: a huge list costs nothing.
  const Json* events = j->contains("events") ? &j->at("events") : nullptr;
  if (events != nullptr && events->is_array() && events->size() > kMaxShipEvents) {
    return bad_batch(text::central_bad_batch_too_many(events->size(), kMaxShipEvents));
  }
  f.read_list("events", batch.events, &decode_event_at);
  if (!f.ok()) return f.error();
  if (j->contains("profile") && !j->at("profile").is_null()) {
    auto profile = decode_profile_at(j->at("profile"), "profile");
    if (profile.ok()) {
      batch.profile = std::move(*profile);
    } else {
      batch.profile_error = profile.error().message;
    }
  }
  read_follow_key(*j, batch);
  PCN_TRY(check_ship(batch));
  return batch;
}

std::string encode_ack(const ShipAck& ack) {
  return Json{{"v", kProtocolVersion}, {"type", "ack"}, {"store", ack.store},
              {"acknowledged", ack.acknowledged}}
      .dump();
}

std::string encode_ship_refusal(const util::Error& error) {
  return Json{{"v", kProtocolVersion},
              {"type", "refused"},
              {"error", {{"code", error.code}, {"message", error.message}}}}
      .dump();
}

util::Result<ShipAck> decode_ack(std::string_view frame) {
  auto j = versioned_object(frame, "ack");
  if (!j.ok()) return j.error();
  if (j->at("type") == "refused") {
    Json error;
    Fields f(*j, "");
    f.read_object("error", error, true);
    if (!f.ok()) return f.error();
    Fields e(error, "error");
    std::string code, message;
    e.read("code", code).read("message", message);
    if (!e.ok()) return e.error();
    return util::make_error(code, message);
  }
  Fields f(*j, "");
  ShipAck ack;
  f.read("store", ack.store).read("acknowledged", ack.acknowledged, 0);
  if (!f.ok()) return f.error();
  return ack;
}

}  // namespace pcn::protocol
