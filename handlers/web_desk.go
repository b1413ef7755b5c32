package handlers

import "github.com/gin-gonic/gin"

func (w *web) deskForm(c *gin.Context) { c.String(404, "not yet") }

func (w *web) deskSubmit(c *gin.Context) { c.String(404, "not yet") }

func (w *web) receipt(c *gin.Context) { c.String(404, "not yet") }
