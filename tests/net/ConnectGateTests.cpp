// ConnectGate without sockets: the per-address connect rate (burst, then the sustained rate),
// the slot cap, the loopback exemption and that addresses do not share a budget.
#include "engine/net/ConnectGate.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>

using fg::net::ConnectGate;
using fg::net::ConnectLimits;
using fg::net::ConnectVerdict;

namespace {

std::uint32_t ip(const char* text) {
    in_addr a{};
    REQUIRE(inet_pton(AF_INET, text, &a) == 1);
    return a.s_addr; // network byte order, as ENet keeps it
}

int admitted(ConnectGate& gate, std::uint32_t address, double now, int tries) {
    int n = 0;
    for (int i = 0; i < tries; ++i)
        n += gate.admit(address, now, 0) == ConnectVerdict::Admit;
    return n;
}

} // namespace

TEST_CASE("connect gate: an address gets its burst at once, then its rate, apart from others") {
    ConnectGate gate(ConnectLimits{.perSecond = 10, .burst = 5, .exemptLoopback = true});
    const std::uint32_t churner = ip("203.0.113.7"), visitor = ip("198.51.100.2");
    CHECK(admitted(gate, churner, 100.0, 1000) == 5); // thousands at once: only the burst
    CHECK(gate.rateRefusals() == 995);
    CHECK(admitted(gate, visitor, 100.0, 1) == 1);    // another address is not held back
    CHECK(admitted(gate, churner, 100.5, 1000) == 5); // half a second at 10 a second
    CHECK(admitted(gate, churner, 110.0, 1000) == 5); // refilled, never past the burst
}

TEST_CASE("connect gate: an address holding its slot cap gets no more, half-open ones counted") {
    ConnectGate gate(ConnectLimits{.maxSlotsPerAddress = 3, .exemptLoopback = false});
    const std::uint32_t a = ip("127.0.0.2");
    CHECK(gate.admit(a, 1.0, 2) == ConnectVerdict::Admit);
    CHECK(gate.admit(a, 1.0, 3) == ConnectVerdict::AddressFull);
    CHECK(gate.slotRefusals() == 1);
}

TEST_CASE("connect gate: loopback is exempt unless capped, and no limits admit everything") {
    ConnectGate trusting(ConnectLimits{.perSecond = 1, .burst = 1, .maxSlotsPerAddress = 1});
    CHECK(admitted(trusting, ip("127.0.0.5"), 1.0, 100) == 100);
    ConnectGate open(ConnectLimits{});
    CHECK_FALSE(open.limits().enabled());
    CHECK(admitted(open, ip("203.0.113.7"), 1.0, 100) == 100);
}
