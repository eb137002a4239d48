-- One database per community node: each node owns its data, as on separate machines.
CREATE DATABASE klamath_soil;
CREATE DATABASE openinfra_sigs;
CREATE DATABASE valley_clinics;
-- The gateway's Commons index: every node's public changes, followed from their feeds.
CREATE DATABASE commons_index;
