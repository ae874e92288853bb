'use strict';
// Firewalls for the browser's namespace (nftables rulesets, loaded with
// `nft -f -` after a `flush ruleset`). The TURN server is 10.201.0.1, the
// browser 10.201.0.2. They drop what comes in, so the browser sees silent
// timeouts as behind a real firewall (a drop on output would fail its sends at
// once with EPERM instead).

// A network that blocks UDP.
const BLOCK_UDP = `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    meta l4proto udp drop
  }
}
`;
// A network that lets only TCP to port 443 out.
const ONLY_TCP_443 = `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    meta l4proto udp drop
    ip saddr 10.201.0.1 tcp sport != 443 drop
  }
}
`;
// Like two peers behind symmetric NATs: nothing reaches the browser from its
// own address (peer to peer), and from the server only answers from 3478.
const NO_DIRECT_PATH = `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    ip saddr 10.201.0.2 drop
    udp sport != 3478 drop
  }
}
`;
// A VPN that blocks STUN and TURN: UDP dropped, TCP to the server refused.
const STUN_TURN_BLOCKED = `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    ip saddr 10.201.0.2 drop
    meta l4proto udp drop
  }
  chain out { type filter hook output priority 0; policy accept;
    ip daddr 10.201.0.1 tcp dport 3478 reject with tcp reset
  }
}
`;
// A network where IPv4 between the lab addresses does not work, only IPv6
// (the page server on 127.0.0.1 stays reachable).
const NO_IPV4 = `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    ip saddr 10.201.0.0/24 drop
  }
}
`;
// Cuts loaded in the middle of a call (lost-* scenarios): the path the call
// uses stops delivering, as on a network handoff or a NAT binding that expired.
// Only the lab's addresses are cut, so the page server on 127.0.0.1 (and
// Firefox's report to it) keeps working.
const CUTS = {
  // Every UDP datagram from the lab network: TCP still gets through.
  'cut-udp': `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    ip saddr 10.201.0.0/24 meta l4proto udp drop
  }
}
`,
  // Everything from the lab network: the TURN server and the peer's own address.
  'cut-all': `table inet lab {
  chain in { type filter hook input priority 0; policy accept;
    ip saddr 10.201.0.0/24 drop
  }
}
`,
};
module.exports = { BLOCK_UDP, ONLY_TCP_443, NO_DIRECT_PATH, STUN_TURN_BLOCKED, NO_IPV4, CUTS };
