int dummy_kp;
