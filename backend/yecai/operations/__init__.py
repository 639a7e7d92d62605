"""Business documents: customers, suppliers, products, warehouses, orders, stock, claims."""
