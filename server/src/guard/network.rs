//! Addresses and networks given on the command line (`--metrics-from`).

use std::net::IpAddr;

/// An address or network allowed to read `/metrics`: `10.0.0.5` or `10.0.0.0/8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
}

impl Network {
    /// The network's first address: the address with every bit beyond the prefix cleared.
    fn first_address(&self) -> IpAddr {
        match self.address {
            IpAddr::V4(a) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                IpAddr::V4((u32::from(a) & mask).into())
            }
            IpAddr::V6(a) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                IpAddr::V6((u128::from(a) & mask).into())
            }
        }
    }

    /// Whether the address has no bits set beyond the prefix.
    fn is_network_address(&self) -> bool {
        match self.address {
            IpAddr::V4(net) => {
                let host = u32::MAX.checked_shr(u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & host == 0
            }
            IpAddr::V6(net) => {
                let host = u128::MAX.checked_shr(u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & host == 0
            }
        }
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.address, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for Network {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        let (address, prefix) = value.split_once('/').unwrap_or((value, ""));
        let address: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("{value}: not an IP address or network (10.0.0.0/8)"))?;
        let most = if address.is_ipv4() { 32 } else { 128 };
        let prefix = if prefix.is_empty() {
            most
        } else {
            prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= most)
                .ok_or_else(|| format!("{value}: the prefix length must be 0 to {most}"))?
        };
        let network = Self { address, prefix };
        // 10.1.2.3/16 is most likely a typing error for 10.1.0.0/16 or 10.1.2.3: refused,
        // rather than guessed.
        if !network.is_network_address() {
            return Err(format!(
                "{value}: the address has bits set beyond the prefix /{prefix}; write the \
                 network's first address ({}/{prefix}) or a single address",
                network.first_address()
            ));
        }
        Ok(network)
    }
}

#[cfg(test)]
mod tests {
    use super::Network;

    #[test]
    fn networks_hold_the_addresses_they_say() {
        let net: Network = "10.1.0.0/16".parse().unwrap();
        assert!(net.contains("10.1.200.3".parse().unwrap()));
        assert!(!net.contains("10.2.0.1".parse().unwrap()));
        let one: Network = "127.0.0.1".parse().unwrap();
        assert!(one.contains("127.0.0.1".parse().unwrap()));
        assert!(one.contains("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!one.contains("127.0.0.2".parse().unwrap()));
        let v6: Network = "fd00::/8".parse().unwrap();
        assert!(v6.contains("fd12::1".parse().unwrap()));
        assert!(!v6.contains("10.0.0.1".parse().unwrap()));
        assert!("0.0.0.0/0"
            .parse::<Network>()
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
        assert!("10.0.0.0/33".parse::<Network>().is_err());
        // Host bits beyond the prefix: a typing error, not a network.
        assert!("10.1.2.3/16".parse::<Network>().is_err());
        // The error names the network meant.
        let error = "10.0.0.5/8".parse::<Network>().unwrap_err();
        assert!(error.contains("(10.0.0.0/8)"), "{error}");
        let error = "fd12::1/8".parse::<Network>().unwrap_err();
        assert!(error.contains("(fd00::/8)"), "{error}");
        assert!("fd12::1/8".parse::<Network>().is_err());
        assert!("10.1.0.0/16".parse::<Network>().is_ok());
        assert!("intranet".parse::<Network>().is_err());
    }
}
