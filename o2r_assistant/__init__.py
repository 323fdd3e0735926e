"""o2r-assistant: cited answers and eligibility checks for the AMI O2R Pays de la Loire."""
