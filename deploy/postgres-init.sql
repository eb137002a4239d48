-- One database per community node: each node owns its data, as on separate machines.
CREATE DATABASE klamath_soil;
CREATE DATABASE openinfra_sigs;
CREATE DATABASE valley_clinics;
