// board::BoardLayout: pure geometry, checked at every wall-screen size (and in portrait): zones
// inside the window and apart, the latest call's number box large, rows inside their panels.
#include <doctest/doctest.h>

#include <vector>

#include "board/board_layout.h"
#include "test_board_samples.h"

namespace pcn::board {
namespace {

std::vector<sf::Vector2f> all_sizes() {
  return {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}, {1366, 768}};
}

bool inside(const sf::FloatRect& inner, const sf::FloatRect& outer) {
  const float eps = 0.01f;
  return inner.left >= outer.left - eps && inner.top >= outer.top - eps &&
         inner.left + inner.width <= outer.left + outer.width + eps &&
         inner.top + inner.height <= outer.top + outer.height + eps;
}

bool positive(const sf::FloatRect& r) { return r.width > 0.f && r.height > 0.f; }

std::string name(sf::Vector2f size) {
  return testing::board_size_name({static_cast<unsigned>(size.x), static_cast<unsigned>(size.y)});
}

}  // namespace

TEST_CASE("board::BoardLayout keeps every zone inside the window and apart from the others") {
  for (sf::Vector2f size : all_sizes()) {
    for (bool alert : {false, true}) {
      CAPTURE(name(size));
      CAPTURE(alert);
      BoardLayout layout(size, alert);
      const sf::FloatRect window{0.f, 0.f, size.x, size.y};
      std::vector<sf::FloatRect> zones = layout.zones();
      CHECK(zones.size() == (alert ? 7u : 6u));
      for (std::size_t i = 0; i < zones.size(); ++i) {
        CAPTURE(i);
        CHECK(positive(zones[i]));
        CHECK(inside(zones[i], window));
        for (std::size_t j = i + 1; j < zones.size(); ++j) {
          CAPTURE(j);
          CHECK_FALSE(zones[i].intersects(zones[j]));
        }
      }
    }
  }
}

TEST_CASE("board::BoardLayout has an alert band only when there is an alert") {
  BoardLayout calm({1920, 1080}, false);
  BoardLayout alarmed({1920, 1080}, true);
  CHECK_FALSE(positive(calm.alert()));
  CHECK(positive(alarmed.alert()));
  CHECK(alarmed.alert().width == doctest::Approx(1920.f));
  CHECK(alarmed.alert().top + alarmed.alert().height <= alarmed.message().top);
}

TEST_CASE("board::BoardLayout gives the latest call's number a quarter of the height or more") {
  for (sf::Vector2f size : all_sizes()) {
    if (size.y > size.x) continue;
    for (bool alert : {false, true}) {
      CAPTURE(name(size));
      BoardLayout layout(size, alert);
      CHECK(layout.latest_number().height >= 0.27f * size.y);
      CHECK(layout.latest_number().width >= 0.8f * size.x);
      CHECK(inside(layout.latest_number(), layout.latest()));
      CHECK(inside(layout.latest_counter(), layout.latest()));
      CHECK_FALSE(layout.latest_number().intersects(layout.latest_counter()));
      CHECK(layout.latest_counter().height >= 0.1f * size.y);
    }
  }
}

TEST_CASE("board::BoardLayout puts header parts, rows and row parts inside their zones") {
  for (sf::Vector2f size : all_sizes()) {
    CAPTURE(name(size));
    BoardLayout layout(size, true);
    const sf::FloatRect header = layout.header();
    for (const sf::FloatRect& part :
         {layout.header_name(), layout.header_date(), layout.header_time()}) {
      CHECK(positive(part));
      CHECK(inside(part, header));
    }
    CHECK_FALSE(layout.header_name().intersects(layout.header_date()));
    CHECK_FALSE(layout.header_date().intersects(layout.header_time()));

    CHECK(layout.previous_rows(9).size() == BoardLayout::kPreviousRows);
    for (const sf::FloatRect& row : layout.previous_rows(9)) {
      CHECK(inside(row, layout.previous()));
      CHECK_FALSE(row.intersects(layout.previous_title()));
      CallRowParts parts = layout.call_row_parts(row);
      CHECK(inside(parts.ticket, row));
      CHECK(inside(parts.counter, row));
      CHECK_FALSE(parts.ticket.intersects(parts.counter));
    }
    CHECK(layout.queue_rows(0).empty());
    for (std::size_t count : {1u, 6u, 10u}) {
      std::vector<sf::FloatRect> rows = layout.queue_rows(count);
      REQUIRE(rows.size() == count);
      for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(inside(rows[i], layout.queues()));
        if (i > 0) CHECK_FALSE(rows[i].intersects(rows[i - 1]));
        QueueRowParts parts = layout.queue_row_parts(rows[i]);
        for (const sf::FloatRect& part : {parts.chip, parts.label, parts.waiting, parts.estimate}) {
          CHECK(positive(part));
          CHECK(inside(part, rows[i]));
        }
        CHECK_FALSE(parts.label.intersects(parts.waiting));
        CHECK_FALSE(parts.waiting.intersects(parts.estimate));
      }
    }
  }
}

}  // namespace pcn::board
